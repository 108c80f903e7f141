export function validate(cfg: { region: string }): void {
  if (cfg.region === "") {
    throw new Error("region must not be empty");
  }
}
