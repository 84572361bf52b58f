import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// A real Go program built with the Go toolchain for the inspect suites: its build info (main
// module, dependencies, Go version, -ldflags) is what the analyser reads from the binary.
// Dependencies come from the local module cache (no download): github.com/google/uuid and
// golang.org/x/mod, both already there because the toolchain builds Syft with them. Built
// without -trimpath, so the build info records -ldflags and the stamped version can be read.

const MAIN = `package main

import (
\t"fmt"

\t"github.com/google/uuid"
\t"golang.org/x/mod/semver"
)

var version = "dev"

func main() {
\tfmt.Println(version, uuid.NewString(), semver.IsValid("v1.2.3"))
}
`;

/** Builds the program once per process; returns the binary's bytes. */
let built: Buffer | undefined;
export function goBinary(): Buffer {
    if (built) return built;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-go-app-"));
    try {
        fs.writeFileSync(path.join(dir, "main.go"), MAIN);
        fs.writeFileSync(
            path.join(dir, "go.mod"),
            "module example.com/edf/orders\n\ngo 1.22\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tgolang.org/x/mod v0.42.0\n)\n",
        );
        const env = {
            ...process.env,
            GOFLAGS: "-mod=mod",
            GOPROXY: "off",
            GOSUMDB: "off",
            CGO_ENABLED: "0",
            GOOS: "linux",
            GOARCH: "amd64",
        };
        execFileSync("go", ["build", "-ldflags", "-s -w -X main.version=v1.4.2", "-o", "orders", "."], {
            cwd: dir,
            env,
            stdio: "pipe",
        });
        built = fs.readFileSync(path.join(dir, "orders"));
        return built;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
