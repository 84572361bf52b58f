//go:build tools

// Pins Syft's main package in this module's build list (never compiled itself).
package tools

import _ "github.com/anchore/syft/cmd/syft"
