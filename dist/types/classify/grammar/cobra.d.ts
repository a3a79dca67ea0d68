import { type Syntax } from "./syntax.js";
/**
 * A command level of a CLI built on cobra (gh, glab, pulumi, etcdctl): flags go anywhere after
 * the command path and are never abbreviated, a level accepts its parents' persistent flags,
 * and `-h`/`--help` is there unless the level gives `-h` another meaning (`gh auth status -h
 * HOST`), which a later entry of `spec` does.
 */
export declare function cobra(spec: string, subcommands?: Readonly<Record<string, Syntax>>, options?: {
    readonly maxOperands?: number;
}): Syntax;
