// Schemas of the log-review area, shared by server and web.
export {};
