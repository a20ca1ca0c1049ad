export const roles = ["member", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

export const isStaff = (role: Role | undefined): boolean => role === "editor" || role === "admin";
