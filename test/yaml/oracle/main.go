// Command oracle prints what sigs.k8s.io/yaml.Marshal (the encoder Helm uses
// for index.yaml and toYaml) produces for each test case read from stdin.
//
// Input: a JSON array of {"name": string, "value": any}. Values are decoded
// into the Go types Chartroom's emitter models:
//   - JSON numbers become float64 (a JS number is a float64);
//   - {"$int64": "123"} becomes int64 (a JS bigint);
//   - {"$float64": "-0"} / "NaN" / "+Inf" becomes that float64 (JSON cannot spell them);
//   - objects become map[string]interface{}, arrays []interface{}.
//
// Output: a JSON array of {"name", "value", "yaml"} or {"name", "value", "error"},
// one element per case, in input order. Each case is marshalled several times: go-yaml's key
// comparator is not transitive for some key sets (a3 < a10 < a1a < a1b < a3), and then the
// order Go prints depends on its random map iteration. Such cases get "unstable": true and,
// instead of "yaml", "lines": the output's lines sorted, which is the same on every run.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
)

type testCase struct {
	Name  string          `json:"name"`
	Value json.RawMessage `json:"value"`
}

type result struct {
	Name     string          `json:"name"`
	Value    json.RawMessage `json:"value"`
	YAML     *string         `json:"yaml,omitempty"`
	Unstable bool            `json:"unstable,omitempty"`
	Lines    []string        `json:"lines,omitempty"`
	Error    *string         `json:"error,omitempty"`
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	check(err)
	var cases []testCase
	check(json.Unmarshal(input, &cases))
	results := make([]result, 0, len(cases))
	for _, c := range cases {
		dec := json.NewDecoder(bytes.NewReader(c.Value))
		dec.UseNumber()
		var raw interface{}
		check(dec.Decode(&raw))
		value := toGo(raw)
		out, err := yaml.Marshal(value)
		r := result{Name: c.Name, Value: c.Value}
		for i := 0; i < 8 && err == nil; i++ {
			again, _ := yaml.Marshal(value)
			r.Unstable = r.Unstable || !bytes.Equal(again, out)
		}
		if err != nil {
			msg := err.Error()
			r.Error = &msg
		} else if r.Unstable {
			r.Lines = strings.Split(string(out), "\n")
			sort.Strings(r.Lines)
		} else {
			s := string(out)
			r.YAML = &s
		}
		results = append(results, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	check(enc.Encode(results))
}

// toGo converts a decoded test value into the Go value it stands for.
func toGo(v interface{}) interface{} {
	switch t := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		check(err)
		return f
	case []interface{}:
		out := make([]interface{}, len(t))
		for i, e := range t {
			out[i] = toGo(e)
		}
		return out
	case map[string]interface{}:
		if s, ok := t["$int64"].(string); ok && len(t) == 1 {
			n, err := strconv.ParseInt(s, 10, 64)
			check(err)
			return n
		}
		if s, ok := t["$float64"].(string); ok && len(t) == 1 {
			f, err := strconv.ParseFloat(s, 64)
			check(err)
			return f
		}
		out := make(map[string]interface{}, len(t))
		for k, e := range t {
			out[k] = toGo(e)
		}
		return out
	default:
		return v
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(1)
	}
}
