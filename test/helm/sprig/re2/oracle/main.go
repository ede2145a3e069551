// Command re2oracle runs regexp cases through Go's regexp package, for the differential test of
// src/helm/sprig/re2.ts (test/helm/sprig/re2/differential.test.ts builds and runs it).
//
// Input (stdin): a JSON array of cases {"p": pattern, "s": input, "r": replacement template}.
// Output (stdout): one result per case: {"err": compile error text} or
// {"match": MatchString, "all": FindAllStringSubmatchIndex(s, -1), "repl": ReplaceAllString(s, r),
// "lit": ReplaceAllLiteralString(s, r), "split": Split(s, -1), "split2": Split(s, 2)}.
// Positions are converted from UTF-8 byte offsets to UTF-16 offsets, as JavaScript strings index.
package main

import (
	"encoding/json"
	"os"
	"regexp"
	"unicode/utf16"
)

type testCase struct {
	P string `json:"p"`
	S string `json:"s"`
	R string `json:"r"`
}

type result struct {
	Err    string   `json:"err,omitempty"`
	Match  bool     `json:"match"`
	All    [][]int  `json:"all"`
	Repl   string   `json:"repl"`
	Lit    string   `json:"lit"`
	Split  []string `json:"split"`
	Split2 []string `json:"split2"`
}

// utf16Offsets maps each byte offset of s that starts a rune (and len(s)) to its UTF-16 offset.
func utf16Offsets(s string) map[int]int {
	offsets := make(map[int]int, len(s)+1)
	u := 0
	for i, r := range s {
		offsets[i] = u
		u += utf16.RuneLen(r)
	}
	offsets[len(s)] = u
	return offsets
}

func run(c testCase) result {
	re, err := regexp.Compile(c.P)
	if err != nil {
		return result{Err: err.Error()}
	}
	offsets := utf16Offsets(c.S)
	all := [][]int{}
	for _, m := range re.FindAllStringSubmatchIndex(c.S, -1) {
		for i, b := range m {
			if b >= 0 {
				m[i] = offsets[b]
			}
		}
		all = append(all, m)
	}
	return result{
		Match:  re.MatchString(c.S),
		All:    all,
		Repl:   re.ReplaceAllString(c.S, c.R),
		Lit:    re.ReplaceAllLiteralString(c.S, c.R),
		Split:  re.Split(c.S, -1),
		Split2: re.Split(c.S, 2),
	}
}

func main() {
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	out := make([]result, len(cases))
	for i, c := range cases {
		out[i] = run(c)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
