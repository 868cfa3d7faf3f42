// An oracle written independently of crates/story/src/format.rs: how each value must read.
const ZH_UNITS = {
  percent: "%", km2: "平方公里", mu: "亩", yi_cny: "亿元", wan_cny: "万元", yi_usd: "亿美元",
  item: "个", firm: "家", person: "人", member: "名", time: "次", event: "场", session: "期", case: "件",
};
const LEAD = { more_than: { zh: "超过", en: "more than " }, at_least: { zh: "至少", en: "at least " } };
const trim = (x) => String(parseFloat(x.toFixed(6)));
const group = (s) => {
  const [i, f] = s.split(".");
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f ? `.${f}` : "");
};
function money(yuan, sign) {
  if (yuan >= 1e9) return `${sign}${group(trim(yuan / 1e9))} billion`;
  if (yuan >= 1e6) return `${sign}${group(trim(yuan / 1e6))} million`;
  return `${sign}${group(trim(yuan))}`;
}

/// How `v`, a value of `figure`, reads in `lang`.
export function expected(figure, v, lang) {
  const lead = figure.qualifiers.map((q) => LEAD[q]?.[lang]).find(Boolean) ?? "";
  if (lang === "zh") return `${lead}${v}${ZH_UNITS[figure.unit]}`;
  const en = {
    percent: () => `${group(String(v))}%`,
    km2: () => `${group(String(v))} km²`,
    mu: () => `${group(String(v))} mu`,
    yi_cny: () => money(v * 1e8, "¥"),
    wan_cny: () => money(v * 1e4, "¥"),
    yi_usd: () => money(v * 1e8, "US$"),
  }[figure.unit];
  return lead + (en ? en() : group(String(v)));
}

/// Text without white space, to compare values across line breaks.
export const squash = (s) => s.replace(/\s+/g, "");
