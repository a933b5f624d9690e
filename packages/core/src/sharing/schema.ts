// Schemas of the sharing area, shared by server and web.
export {};
