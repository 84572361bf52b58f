//go:build tools

// Pins the CLI's main package in this module's build list (never compiled itself).
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
