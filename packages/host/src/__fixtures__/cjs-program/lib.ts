export const prefix: string = "cjs";
