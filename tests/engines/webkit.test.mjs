// The cross-engine suite in WebKit (WebKitWebDriver and MiniBrowser under Xvfb). MiniBrowser's
// windows are at least about 450 px wide: the narrow runs ask for 450. Classic WebDriver has no
// preload scripts: the test server puts the error collector first in each HTML page.
import { engineSuite } from "./suite.mjs";
import { launchWebKit } from "./support/webkit.mjs";

engineSuite(launchWebKit, { narrow: 450, serverCollector: true });
