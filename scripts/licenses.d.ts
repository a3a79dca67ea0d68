// Types of scripts/licenses.js (plain JavaScript, so that `node scripts/bundle.js` runs it).

/** The folders of the packages a webpack stats object says were bundled, sorted. */
export function bundledPackages(stats: unknown): string[];

/** The licence notice text for the packages in `folders`. */
export function licenseNotice(folders: readonly string[]): string;
