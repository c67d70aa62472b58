// The browser host's public entry point (the path the issue and the e2e tests name):
// `startBrowserHost` wires the services to the HTTP server; `startWebServer` is the server alone.
export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './browserHost.ts';
export { startWebServer, type WebServer, type WebServerOptions } from './httpServer.ts';
