/**
 * True when a name (an environment variable, a `key=` or `key:` in text, a `--option`) says its
 * value is a secret. Shared by the environment scan and the in-text matcher so both agree.
 */
export declare function isSecretName(name: string): boolean;
