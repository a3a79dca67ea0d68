/**
 * The result of analysing a shell script: every simple command with its words, redirects,
 * heredocs, pipeline and the wrappers it ran under. Pure data; positions are 1-based and
 * relative to the script that was analysed.
 */
/** A 1-based position in the analysed script. */
export interface ShellPosition {
    readonly line: number;
    readonly column: number;
}
/** One shell word (argument, command name, redirect target). */
export interface ShellWord extends ShellPosition {
    /**
     * The word after quote removal and escape processing. Expansions (`$X`, `${X}`, `$(…)`,
     * `` `…` ``, `$((…))`, `<(…)`) are kept as their raw text inside the value.
     */
    readonly value: string;
    /** The word exactly as written. */
    readonly raw: string;
    /** True when the word contains an expansion, so its run-time value is unknown. */
    readonly dynamic: boolean;
    /** True when any part of the word was quoted (`'…'`, `"…"`, `$'…'`, or a backslash). */
    readonly quoted: boolean;
}
/** What a redirect does to its target. */
export type RedirectKind = "write" | "append" | "read" | "duplicate" | "heredoc" | "herestring";
/** A redirect attached to a command (directly, or to a compound statement around it). */
export interface ShellRedirect extends ShellPosition {
    /** The operator as written: `>`, `>>`, `&>`, `2>`… (descriptor not included). */
    readonly operator: string;
    readonly kind: RedirectKind;
    /** The explicit file descriptor (`2` in `2>&1`), when written. */
    readonly fd: number | undefined;
    /** File, descriptor or here-string word; `undefined` for heredocs. */
    readonly target: ShellWord | undefined;
}
/** A heredoc body fed to a command's stdin. */
export interface ShellHeredoc extends ShellPosition {
    /** Body text without the end delimiter (leading tabs stripped for `<<-`). */
    readonly body: string;
    /** The delimiter word after quote removal, e.g. `EOF`. */
    readonly delimiter: string;
    /** True when the delimiter was unquoted, so `$…` in the body is expanded by the shell. */
    readonly expands: boolean;
}
/** Where the wrapped command runs when a wrapper ships it elsewhere. */
export type RemoteKind = "ssh" | "kubectl-exec" | "oc-exec" | "docker-exec" | "podman-exec"
/** salt, knife ssh, ansible -m shell, pdsh, clush, parallel-ssh: many hosts at once. */
 | "fleet";
/** A remote execution marker: `ssh host '…'`, `kubectl exec pod -- …`, `docker exec c …`. */
export interface RemoteTarget {
    readonly kind: RemoteKind;
    /** Host, pod or container as written (may be dynamic, e.g. `$HOST`). */
    readonly target: string;
    /**
     * The wrapper's own words after its name, up to the command it carries (`exec -c app pod`,
     * `-p 2222 host`), for the rules to hold to the wrapper's grammar; absent for fleet tools.
     */
    readonly wrapper?: readonly ShellWord[];
    /** The wrapper this one runs inside (`ssh host 'kubectl exec pod -- cat x'`). */
    readonly outer?: RemoteTarget;
}
/** A command's place in a pipeline `a | b | c`. */
export interface PipelineRef {
    /** Index into {@link ShellAnalysis.pipelines}. */
    readonly id: number;
    /** 0-based stage; `0` is the first command, which reads no pipe. */
    readonly position: number;
    readonly length: number;
}
/** Where a command's stdin comes from, when the script says so. */
export type StdinSource = {
    readonly kind: "heredoc";
    readonly heredoc: ShellHeredoc;
} | {
    readonly kind: "herestring";
    readonly word: ShellWord;
} | {
    readonly kind: "file";
    readonly path: ShellWord;
} | {
    /** Previous pipeline stage; `text` is its output when statically known (`echo 'x'`, `cat <<EOF`). */
    readonly kind: "pipe";
    readonly from: number;
    readonly text: string | undefined;
};
/** The syntactic context a command sits in (outermost first). */
export type CommandContext = "command_substitution" | "process_substitution" | "subshell" | "group" | "loop" | "condition" | "case" | "function" | "negated" | "background" | "inner_script";
/** A `NAME=value` assignment written before a command. */
export interface ShellAssignment {
    readonly name: string;
    readonly value: ShellWord | undefined;
}
/** One simple command, after unwrapping wrappers such as `sudo`, `timeout`, `bash -c`. */
export interface ShellCommand extends ShellPosition {
    /** Index in {@link ShellAnalysis.commands}. */
    readonly index: number;
    /** The words of the command that actually runs (wrappers removed). May be empty (`X=1`). */
    readonly argv: readonly ShellWord[];
    /**
     * Basename of `argv[0]` (`/usr/bin/rm` → `rm`, `\rm` → `rm`), `""` when there is no word;
     * the raw text when the name is dynamic (`$CMD`).
     */
    readonly name: string;
    /** True when the command name itself is an expansion (`$CMD`, `$(which rm)`). */
    readonly dynamicName: boolean;
    /** All words as written, wrappers included. */
    readonly words: readonly ShellWord[];
    /** Wrappers removed on the way to `argv`, outermost first: `["sudo", "timeout"]`, `["ssh", "bash -c"]`. */
    readonly via: readonly string[];
    /** Set when an unwrapped wrapper runs the command elsewhere (the innermost such wrapper). */
    readonly remote: RemoteTarget | undefined;
    /**
     * Set when the command comes from shell text another shell built by expansion before it was
     * parsed (`bash -c "cat $F"`, `ssh host cat "$F"`, an unquoted heredoc with `$…`): the
     * expanded word as written. Its value is read as code, so the command may be anything.
     */
    readonly reparsed?: string;
    readonly assignments: readonly ShellAssignment[];
    /** Redirects of the command and of compound statements around it, in source order. */
    readonly redirects: readonly ShellRedirect[];
    readonly heredocs: readonly ShellHeredoc[];
    readonly stdin: StdinSource | undefined;
    readonly pipeline: PipelineRef | undefined;
    readonly contexts: readonly CommandContext[];
    /** 0 for commands written in the script, 1+ inside `bash -c '…'`, `ssh host '…'`, heredocs fed to a shell. */
    readonly depth: number;
    /** Source text of the command as written (at depth > 0: of the inner command). */
    readonly text: string;
}
/** A command that wraps a script the analyser could not read (`bash -c "$X"`, `eval "$Y"`). */
export interface OpaqueScript extends ShellPosition {
    /** Index of the command that runs the text. */
    readonly command: number;
    readonly reason: "dynamic" | "depth-limit";
}
/** Everything {@link analyzeShell} found in a script. */
export interface ShellAnalysis {
    /** Every simple command, in source order (inner scripts right after their wrapper's position). */
    readonly commands: readonly ShellCommand[];
    /**
     * Pipelines written with two or more stages, as lists of command indexes in stage order.
     * A stage replaced by its inner script (`echo 'ls' | sh`) is not listed.
     */
    readonly pipelines: readonly (readonly number[])[];
    /** First syntax error (tree-sitter ERROR or MISSING node), in this script or an inner one. */
    readonly syntaxError: ShellPosition | undefined;
    /**
     * Where tree-sitter-bash reads the script unlike bash, in this script or an inner one: a
     * command whose words are separated by more than blanks, such as a line break it folded into
     * the command (`ls ==⏎rm -f x` is one `ls` to it, two commands to bash) or a token it set
     * aside (`==`). What the commands are is then not known.
     */
    readonly misread: ShellPosition | undefined;
    /** Where the analyser stopped descending because the script nests too deeply; commands beyond it are missing. */
    readonly nestingLimit: ShellPosition | undefined;
    /**
     * Set when the script was not analysed at all (parsing rule 13): longer than
     * `MAX_ANALYSED_SCRIPT_CHARS`, or its parse ran past `PARSE_BUDGET_MS`. No commands then.
     */
    readonly notAnalysed: "too_long" | "too_costly" | undefined;
    /** Shell text executed by a command that the analyser could not parse statically. */
    readonly opaque: readonly OpaqueScript[];
}
