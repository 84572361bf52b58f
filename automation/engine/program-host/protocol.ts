/** What a program-host worker tells the driver. */
export type HostMessage =
    /** The language server is up; the CLI reaches it with `--client=127.0.0.1:<port>`. */
    | { readonly kind: "listening"; readonly port: number }
    /** It could not start (the message says why). */
    | { readonly kind: "failed"; readonly message: string };
