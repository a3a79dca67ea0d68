/** What is wrong with a parameter name, if anything. */
export type ParameterNameVerdict = {
    readonly kind: "ok";
} | {
    readonly kind: "warning";
    readonly message: string;
} | {
    readonly kind: "invalid";
    readonly message: string;
} | {
    readonly kind: "denied";
    readonly message: string;
};
/**
 * Checks a parameter name (front matter, `--var`, a placeholder): an identifier, outside the
 * names that change how programs run (safety invariant 12). Case-insensitive, because several
 * programs read both cases (`http_proxy`, `HTTPS_PROXY`).
 */
export declare function checkParameterName(name: string): ParameterNameVerdict;
/** How a secret parameter's value is shown everywhere. */
export declare const MASKED_VALUE = "***";
