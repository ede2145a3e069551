// Command oracle runs template cases through Go's text/template and records what Go prints.
//
// Input (stdin): a JSON array of cases
//
//	{"name": "...", "tpl": "...", "data": <tagged JSON>, "option": "missingkey=zero",
//	 "files": [{"name": "...", "text": "..."}], "exec": "name", "delims": ["[[", "]]"]}
//
// Output (stdout): the same cases with "out" (the output) or "err" (the error text) added.
//
// Tagged JSON: numbers are float64 (as in Helm's values files); objects with one key tag a Go type:
// {"$int": "5"}, {"$int64": "5"}, {"$uint": "5"}, {"$uint8": "5"}, {"$float64": "NaN"}, {"$strings": [..]},
// {"$bytes": "text"}, {"$func": "name"} (a function from the test function map),
// {"$smap": {"k": "v"}} (a map[string]string), {"$struct": [["Name", value], ...]} and {"$ptr": [...]} (a struct, or a pointer to one).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

type file struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type testCase struct {
	Name   string          `json:"name"`
	Tname  string          `json:"tname,omitempty"`
	Tpl    string          `json:"tpl"`
	Data   json.RawMessage `json:"data,omitempty"`
	Option string          `json:"option,omitempty"`
	Files  []file          `json:"files,omitempty"`
	Exec   string          `json:"exec,omitempty"`
	Delims []string        `json:"delims,omitempty"`
	Out    *string         `json:"out,omitempty"`
	Err    *string         `json:"err,omitempty"`
}

// testFuncs is the function map every case gets; test/gotemplate/funcs.ts defines the same functions.
var testFuncs = template.FuncMap{
	"upper":  strings.ToUpper,
	"add":    func(a, b int) int { return a + b },
	"addf":   func(a, b float64) float64 { return a + b },
	"fail":   func(msg string) (string, error) { return "", errors.New(msg) },
	"join":   func(sep string, xs ...interface{}) string { return joinAny(sep, xs) },
	"list":   func(xs ...interface{}) []interface{} { return xs },
	"strs":   func(xs ...string) []string { return xs },
	"dict":   dict,
	"i64":    func(n int) int64 { return int64(n) },
	"u":      func(n int) uint { return uint(n) },
	"f64":    func(n int) float64 { return float64(n) },
	"bytes":  func(s string) []byte { return []byte(s) },
	"retnil": func() interface{} { return nil },
	"isnil":  func(x interface{}) bool { return x == nil },
	"typeOf": func(x interface{}) string { return fmt.Sprintf("%T", x) },
	"adder":  func() func(int, int) int { return func(a, b int) int { return a + b } },
	"boom":   func(x interface{}) (interface{}, error) { return nil, fmt.Errorf("boom: %v", x) },
}

func joinAny(sep string, xs []interface{}) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, sep)
}

func dict(kv ...interface{}) map[string]interface{} {
	m := map[string]interface{}{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

func untag(v interface{}) interface{} {
	switch x := v.(type) {
	case []interface{}:
		for i := range x {
			x[i] = untag(x[i])
		}
		return x
	case map[string]interface{}:
		if len(x) == 1 {
			for k, inner := range x {
				if t, ok := tagged(k, inner); ok {
					return t
				}
			}
		}
		for k := range x {
			x[k] = untag(x[k])
		}
		return x
	}
	return v
}

func tagged(tag string, v interface{}) (interface{}, bool) {
	s, _ := v.(string)
	switch tag {
	case "$int":
		n, _ := strconv.ParseInt(s, 10, 64)
		return int(n), true
	case "$int64":
		n, _ := strconv.ParseInt(s, 10, 64)
		return n, true
	case "$uint":
		n, _ := strconv.ParseUint(s, 10, 64)
		return uint(n), true
	case "$uint8":
		n, _ := strconv.ParseUint(s, 10, 8)
		return uint8(n), true
	case "$float64":
		switch s {
		case "NaN":
			return math.NaN(), true
		case "+Inf":
			return math.Inf(1), true
		case "-Inf":
			return math.Inf(-1), true
		}
		f, _ := strconv.ParseFloat(s, 64)
		return f, true
	case "$strings":
		xs, _ := v.([]interface{})
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i], _ = x.(string)
		}
		return out, true
	case "$bytes":
		return []byte(s), true
	case "$smap":
		m, _ := v.(map[string]interface{})
		out := map[string]string{}
		for k, x := range m {
			out[k], _ = x.(string)
		}
		return out, true
	case "$func":
		return testFuncs[s], true
	case "$struct", "$ptr":
		return makeStruct(v, tag == "$ptr"), true
	}
	return nil, false
}

// makeStruct builds a struct from [["Name", value], ...]: each field has its value's type (interface{}
// for nil), so the type prints as e.g. "struct { Name string; Port int }".
func makeStruct(v interface{}, pointer bool) interface{} {
	pairs, _ := v.([]interface{})
	var fields []reflect.StructField
	var vals []interface{}
	for _, p := range pairs {
		kv, _ := p.([]interface{})
		name, _ := kv[0].(string)
		val := untag(kv[1])
		typ := reflect.TypeOf(val)
		if val == nil {
			typ = reflect.TypeOf((*interface{})(nil)).Elem()
		}
		fields = append(fields, reflect.StructField{Name: name, Type: typ})
		vals = append(vals, val)
	}
	sv := reflect.New(reflect.StructOf(fields)).Elem()
	for i, val := range vals {
		if val != nil {
			sv.Field(i).Set(reflect.ValueOf(val))
		}
	}
	if pointer {
		return sv.Addr().Interface()
	}
	return sv.Interface()
}

func run(c *testCase) (string, error) {
	var data interface{}
	if len(c.Data) > 0 {
		if err := json.Unmarshal(c.Data, &data); err != nil {
			return "", fmt.Errorf("oracle: bad data: %v", err)
		}
		data = untag(data)
	}
	name := c.Tname
	if name == "" {
		name = "tpl"
	}
	t := template.New(name).Funcs(testFuncs)
	// include and tpl re-enter the running template set, as Helm's functions of those names do.
	t.Funcs(template.FuncMap{
		"include": func(name string, data interface{}) (string, error) {
			var b bytes.Buffer
			err := t.ExecuteTemplate(&b, name, data)
			return b.String(), err
		},
		"tpl": func(text string, data interface{}) (string, error) {
			c, err := t.Clone()
			if err != nil {
				return "", err
			}
			nt, err := c.New("inline").Parse(text)
			if err != nil {
				return "", err
			}
			var b bytes.Buffer
			err = nt.Execute(&b, data)
			return b.String(), err
		},
	})
	if c.Option != "" {
		t = t.Option(c.Option)
	}
	if len(c.Delims) == 2 {
		t = t.Delims(c.Delims[0], c.Delims[1])
	}
	for _, f := range c.Files {
		if _, err := t.New(f.Name).Parse(f.Text); err != nil {
			return "", err
		}
	}
	if _, err := t.Parse(c.Tpl); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	var err error
	if c.Exec != "" {
		err = t.ExecuteTemplate(&buf, c.Exec, data)
	} else {
		err = t.Execute(&buf, data)
	}
	return buf.String(), err
}

func main() {
	var cases []*testCase
	dec := json.NewDecoder(os.Stdin)
	if err := dec.Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(2)
	}
	for _, c := range cases {
		out, err := run(c)
		if err != nil {
			msg := err.Error()
			c.Err = &msg
			// Output written before the error matters too (Go writes as it goes).
			c.Out = &out
		} else {
			c.Out = &out
		}
	}
	// One case per line keeps golden diffs readable.
	var out bytes.Buffer
	out.WriteString("[\n")
	for i, c := range cases {
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(c); err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(2)
		}
		out.Write(bytes.TrimRight(line.Bytes(), "\n"))
		if i < len(cases)-1 {
			out.WriteString(",")
		}
		out.WriteString("\n")
	}
	out.WriteString("]\n")
	os.Stdout.Write(out.Bytes())
}
