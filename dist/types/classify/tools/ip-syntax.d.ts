/** One option: whether it takes the next word, and whether it is safe for a read. */
export interface IpOption {
    readonly name: string;
    readonly takesValue: boolean;
    readonly safe: boolean;
}
/** In ip.c's order. `-batch` reads commands from a file; `-force` keeps going after errors. */
export declare const IP_OPTIONS: readonly IpOption[];
/**
 * Objects in ip.c's order, each with the commands that only show state (`undefined`: the
 * object's default command, when none is written, shows state too).
 */
export declare const IP_OBJECTS: readonly (readonly [string, readonly string[]])[];
/** Objects whose default command (none written) only shows state; `ip monitor` watches, which reads too. */
export declare const IP_READ_WITHOUT_COMMAND: ReadonlySet<string>;
/**
 * Commands of some object that change state. A written command that abbreviates one of them
 * as well as a show command (`ip route s`: `show` or `save`?) is not a proven read.
 */
export declare const IP_CHANGE_COMMANDS: readonly string[];
