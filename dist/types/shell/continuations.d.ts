/**
 * Join line continuations the way bash does before it reads a command: a backslash followed
 * by a newline is removed outside single quotes, comments and heredoc bodies, so `r\⏎m -rf x`
 * is the command `rm -rf x`. The removed newlines are put back after the end of the logical
 * line, so every later line keeps its number. A backslash that starts a line (`\rm`) is
 * written `''rm`, which bash reads as the same word and tree-sitter-bash as a new command.
 */
export declare function joinContinuations(script: string): string;
