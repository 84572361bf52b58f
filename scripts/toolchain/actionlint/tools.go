//go:build tools

// Package tools keeps actionlint's command in this module's build list (scripts/toolchain.sh
// builds github.com/rhysd/actionlint/cmd/actionlint from here).
package tools

import _ "github.com/rhysd/actionlint/cmd/actionlint"
