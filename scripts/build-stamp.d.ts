// Types of build-stamp.js, a plain script because it runs before anything is compiled.

/** Compiles the service in `root` into root/dist (fullBuild: `nest build api`, then the web workspace into dist/web). */
export type Compile = (root: string) => void;

export function inputsDigest(root: string): string;
export function fullBuild(root: string, stdio?: 'inherit' | 'ignore'): void;
/** Builds with `compile` and records from which inputs. */
export function build(root: string, compile?: Compile): void;
/** Builds unless dist/ was built from the inputs as they are; true when it built. */
export function ensureBuilt(root: string, compile?: Compile): boolean;
