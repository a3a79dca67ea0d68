/**
 * Why a configuration file found by the search must not be read, or `undefined` when it may:
 * like ssh and git, a file another user owns, or one others may write, could have been planted
 * (a shared `/tmp` tree, a checkout someone else controls). Where uids do not exist (Windows),
 * only the write bits count.
 */
export declare function unsafeOwnership(file: string): string | undefined;
