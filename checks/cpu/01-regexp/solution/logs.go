// Package logs counts the error lines in an application log.
package logs

import "regexp"

// errorLine is compiled once, when the package is initialised: compiling a
// regular expression costs far more than matching one line against it.
var errorLine = regexp.MustCompile(`^ERROR [A-Z]{3}-\d{4}: `)

// CountErrors returns how many lines are error reports of the form
// "ERROR ABC-1234: message".
func CountErrors(lines []string) int {
	n := 0
	for _, line := range lines {
		if errorLine.MatchString(line) {
			n++
		}
	}
	return n
}
