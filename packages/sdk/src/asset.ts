// Assets (one file's content) and archives (sets of files) as program values; they cross the
// monitor seam as AssetValue / ArchiveValue markers.
import { SIG, type ArchiveValue, type AssetValue } from "@cairn/protocol";

const ASSET_BRAND: unique symbol = Symbol.for("cairn.asset");

export abstract class Asset {
  declare readonly [ASSET_BRAND]: true;
  abstract toPropertyValue(): AssetValue;
}
export abstract class Archive {
  declare readonly [ASSET_BRAND]: true;
  abstract toPropertyValue(): ArchiveValue;
}
Object.defineProperty(Asset.prototype, ASSET_BRAND, { value: true });
Object.defineProperty(Archive.prototype, ASSET_BRAND, { value: true });

/** Content read from a local file (relative paths are relative to the program's directory). */
export class FileAsset extends Asset {
  constructor(readonly path: string) {
    super();
  }
  toPropertyValue(): AssetValue {
    return { [SIG]: "asset", path: this.path };
  }
}

/** Content given inline as a string. */
export class StringAsset extends Asset {
  constructor(readonly text: string) {
    super();
  }
  toPropertyValue(): AssetValue {
    return { [SIG]: "asset", text: this.text };
  }
}

/** Content fetched from a URI (file://, http://, https://). */
export class RemoteAsset extends Asset {
  constructor(readonly uri: string) {
    super();
  }
  toPropertyValue(): AssetValue {
    return { [SIG]: "asset", uri: this.uri };
  }
}

/** A directory or archive file (.zip, .tar, .tgz, .jar) on local disk. */
export class FileArchive extends Archive {
  constructor(readonly path: string) {
    super();
  }
  toPropertyValue(): ArchiveValue {
    return { [SIG]: "archive", path: this.path };
  }
}

/** An archive fetched from a URI. */
export class RemoteArchive extends Archive {
  constructor(readonly uri: string) {
    super();
  }
  toPropertyValue(): ArchiveValue {
    return { [SIG]: "archive", uri: this.uri };
  }
}

/** An archive assembled from named assets and archives. */
export class AssetArchive extends Archive {
  constructor(readonly assets: Record<string, Asset | Archive>) {
    super();
  }
  toPropertyValue(): ArchiveValue {
    const assets: Record<string, AssetValue | ArchiveValue> = {};
    for (const [name, a] of Object.entries(this.assets)) assets[name] = a.toPropertyValue();
    return { [SIG]: "archive", assets };
  }
}

export function isAssetOrArchive(v: unknown): v is Asset | Archive {
  return typeof v === "object" && v !== null && (v as { [ASSET_BRAND]?: unknown })[ASSET_BRAND] === true;
}
