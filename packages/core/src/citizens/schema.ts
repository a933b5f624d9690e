// Schemas of the citizens area, shared by server and web.
export {};
