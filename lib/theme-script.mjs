/**
 * The root layout's inline head script (lib/reading-settings.ts explains it).
 * Plain JavaScript so that scripts/server.mjs can import the very same string:
 * lib/csp-nonce.mjs gives a cached page's inline script the response's nonce
 * only when its text is exactly this. Any edit here must keep the keys and
 * attribute names of lib/reading-settings.ts (its tests run this script).
 */
export const readingSettingsScript =
  '(function(){var d=document.documentElement,f=null,t=null;try{f=localStorage.getItem("cxb:font-size");t=localStorage.getItem("cxb:theme")}catch(e){}' +
  'if(f==="large"||f==="xlarge")d.setAttribute("data-font-size",f);' +
  'if(t!=="light"&&t!=="dark")t=window.matchMedia&&matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";' +
  'd.setAttribute("data-theme",t)})()';
