// Before first paint (a file: the strict CSP allows no inline script): the URL's theme and embed
// options on <html>, so the prerendered graphic is never painted wrong; ?lang= goes to that page.
// On its own the page tells its story by scrolling (is-scrolly); inside a frame, frame.js speaks
// with the host and turns it on only if the host answers, else the story stays flat.
(function(){var r=document.documentElement,p=new URLSearchParams(location.search),l=(p.get("lang")||"").toLowerCase(),en=/^en\b/i.test(r.lang||""),t=(p.get("theme")||"").toLowerCase(),e=p.get("embed"),s=document.currentScript;
if(l=="en"&&!en||l=="zh"&&en){p.delete("lang");var q=p.toString();location.replace((en?"../":"en/")+(q?"?"+q:"")+location.hash);return}
if(t=="dark"||t=="light")r.setAttribute("data-theme",t);
if(e!==null&&/^(1|true|yes|)$/i.test(e))r.classList.add("is-embed");
if((p.get("bg")||"").toLowerCase()=="transparent")r.classList.add("is-transparent");
if(window.parent===window)r.classList.add("is-scrolly");else if(s){var f=document.createElement("script");f.src=new URL("frame.js",s.src).href;document.head.appendChild(f)}})();
