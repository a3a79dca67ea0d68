/**
 * `word` as one word of a shell command line, for text rebuilt from argv words: as it is when
 * it holds only characters no shell treats specially, else single-quoted.
 */
export declare function shellWord(word: string): string;
