// The cross-engine suite in Firefox ESR (puppeteer-core over WebDriver BiDi). Its narrowest
// window here is the 320 px phone. The error collector runs in each page as a BiDi preload script;
// Firefox 153 runs preload scripts in an iframe's first, blank document but not in the document it
// then loads, so the test server also puts the collector first in every HTML page (once per
// document: where the preload ran, the served copy does nothing). A second browser with a dark
// system scheme checks prefers-color-scheme (WebKit's driver cannot set it).
import { engineSuite } from "./suite.mjs";
import { launchFirefox } from "./support/firefox.mjs";

engineSuite(launchFirefox, { narrow: 320, serverCollector: true, launchDark: () => launchFirefox({ dark: true }) });
