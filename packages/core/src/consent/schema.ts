// Schemas of the consent area, shared by server and web.
export {};
