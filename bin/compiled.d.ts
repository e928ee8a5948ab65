/** The compiled CLI's path under `root` when it is there and up to date with its sources, else undefined (run the sources). */
export function compiledCli(root: string, env?: NodeJS.ProcessEnv): string | undefined;
