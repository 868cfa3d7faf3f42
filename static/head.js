// Before first paint (a file: the strict CSP allows no inline script): the URL's theme and embed
// options on <html>, so the prerendered graphic is never painted wrong; ?lang= goes to that page.
(function(){var r=document.documentElement,p=new URLSearchParams(location.search),l=(p.get("lang")||"").toLowerCase(),en=/^en\b/i.test(r.lang||""),t=(p.get("theme")||"").toLowerCase(),e=p.get("embed");
if(l=="en"&&!en||l=="zh"&&en){p.delete("lang");var q=p.toString();location.replace((en?"../":"en/")+(q?"?"+q:"")+location.hash);return}
if(t=="dark"||t=="light")r.setAttribute("data-theme",t);
if(e!==null&&/^(1|true|yes|)$/i.test(e))r.classList.add("is-embed");
if((p.get("bg")||"").toLowerCase()=="transparent")r.classList.add("is-transparent")})();
