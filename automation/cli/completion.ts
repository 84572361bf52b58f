import type { Command } from "commander";

/** The shells `edf completion` writes a script for. */
export const SHELLS = ["bash", "zsh"] as const;
export type Shell = (typeof SHELLS)[number];

/** One command path (`preview`, `new service`) with its options and its description. */
interface CommandShape {
    readonly path: readonly string[];
    readonly description: string;
    readonly options: readonly { readonly flags: readonly string[]; readonly description: string; readonly takesValue: boolean }[];
}

function shapes(program: Command, prefix: readonly string[] = []): CommandShape[] {
    const out: CommandShape[] = [];
    for (const command of program.commands) {
        const path = [...prefix, command.name()];
        out.push({
            path,
            description: command.description(),
            options: command.options.map((o) => ({
                flags: [o.short, o.long].filter((f): f is string => Boolean(f)),
                description: o.description,
                takesValue: o.required || o.optional,
            })),
        });
        out.push(...shapes(command, path));
    }
    return out;
}

function globalOptions(program: Command): string[] {
    const flags = program.options.flatMap((o) => [o.long].filter((f): f is string => Boolean(f)));
    return [...new Set([...flags, "--help"])];
}

/** Words that are safe inside single quotes in a shell script. */
function quoteSingle(text: string): string {
    return text.replace(/'/g, "'\\''");
}

function bashScript(program: Command): string {
    const all = shapes(program);
    const top = all.filter((c) => c.path.length === 1).map((c) => c.path[0]!);
    const valueOptions = [
        ...new Set([
            ...program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long]),
            ...all.flatMap((c) => c.options.filter((o) => o.takesValue).flatMap((o) => o.flags)),
        ]),
    ]
        .filter((f): f is string => Boolean(f))
        .join("|");
    const groups =
        all
            .filter((c) => c.path.length === 1 && all.some((s) => s.path.length === 2 && s.path[0] === c.path[0]))
            .map((c) => c.path[0]!)
            .join("|") || "__none__";
    const cases = all
        .map((c) => {
            const subcommands = all.filter(
                (s) => s.path.length === c.path.length + 1 && s.path.join(" ").startsWith(`${c.path.join(" ")} `),
            );
            const words = [...subcommands.map((s) => s.path[s.path.length - 1]!), ...c.options.flatMap((o) => o.flags)];
            return `        "${c.path.join(" ")}") words='${quoteSingle(words.join(" "))}' ;;`;
        })
        .join("\n");
    return `# edf completion for bash. Load it with:  source <(edf completion bash)
# (or write it to a file under /etc/bash_completion.d/ or ~/.local/share/bash-completion/completions/edf)
_edf_environments() {
    local file
    for file in environments/*.yaml environments/*.yml; do
        [[ -f "$file" ]] || continue
        file="\${file##*/}"
        printf '%s\\n' "\${file%.*}"
    done
}
_edf_complete() {
    local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
    if [[ "$prev" == "--env" || "$prev" == "-e" ]]; then
        COMPREPLY=( $(compgen -W "$(_edf_environments)" -- "$cur") )
        return
    fi
    # The command path so far: the words that are neither options nor option values.
    local path="" word i
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="\${COMP_WORDS[i]}"
        case "$word" in
            ${valueOptions}) (( i++ )) ;;
            -*) ;;
            *) if [[ -z "$path" ]]; then path="$word"; else case "$path" in ${groups}) path="$path $word" ;; esac; fi ;;
        esac
    done
    local words
    case "$path" in
${cases}
        "") words='${quoteSingle([...top, ...globalOptions(program)].join(" "))}' ;;
        *) words="" ;;
    esac
    COMPREPLY=( $(compgen -W "$words ${quoteSingle(globalOptions(program).join(" "))}" -- "$cur") )
}
complete -F _edf_complete edf
`;
}

function zshScript(program: Command): string {
    const all = shapes(program);
    const describe = (c: CommandShape): string =>
        `'${quoteSingle(c.path[c.path.length - 1]!)}:${quoteSingle(c.description.replace(/:/g, " -"))}'`;
    const top = all.filter((c) => c.path.length === 1);
    const argumentSpecs = (c: CommandShape): string =>
        c.options
            .map((o) => {
                const names = o.flags.length > 1 ? `{${o.flags.join(",")}}` : o.flags[0]!;
                const value = o.takesValue ? (o.flags.includes("--env") ? ":environment:_edf_environments" : ":value:") : "";
                return `'${quoteSingle(`${names}[${o.description.replace(/[[\]:]/g, " ")}]${value}`)}'`;
            })
            .join(" ");
    const cases = all
        .filter((c) => c.path.length === 1)
        .map((c) => {
            const subcommands = all.filter((s) => s.path.length === 2 && s.path[0] === c.path[0]);
            if (subcommands.length > 0) {
                const subs = subcommands.map(describe).join(" ");
                const inner = subcommands.map((s) => `                ${s.path[1]}) _arguments ${argumentSpecs(s) || "''"} ;;`).join("\n");
                return `        ${c.path[0]})\n            if (( CURRENT == 3 )); then\n                local -a subcommands=(${subs})\n                _describe 'subcommand' subcommands\n            else\n                case $words[3] in\n${inner}\n                esac\n            fi ;;`;
            }
            return `        ${c.path[0]}) _arguments ${argumentSpecs(c) || "''"} ;;`;
        })
        .join("\n");
    return `#compdef edf
# edf completion for zsh. Load it with:  source <(edf completion zsh)
# (after compinit; or write it as _edf into a folder on $fpath)
_edf_environments() {
    local -a environments
    environments=(environments/*.(yaml|yml)(N:t:r))
    _describe 'environment' environments
}
_edf() {
    local -a commands=(${top.map(describe).join(" ")})
    if (( CURRENT == 2 )); then
        _describe 'command' commands
        return
    fi
    case $words[2] in
${cases}
    esac
}
compdef _edf edf
`;
}

/** The completion script for a shell, made from the program's own commands and options (nothing to keep in step by hand). */
export function completionScript(shell: Shell, program: Command): string {
    return shell === "bash" ? bashScript(program) : zshScript(program);
}
