//go:build tools

// Pins the language host's main package in this module's build list (never compiled itself).
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
