// Schemas of the care-team area, shared by server and web.
export {};
