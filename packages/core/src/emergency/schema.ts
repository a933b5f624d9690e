// Schemas of the emergency area, shared by server and web.
export {};
