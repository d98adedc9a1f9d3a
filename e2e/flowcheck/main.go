// Command flowcheck proves, without a cluster, that the platform a stack would install works where NetworkPolicies
// and Pod Security admission are enforced. Input: the objects CodeZero authors (`codezero plan --objects-out`) and
// every Helm release rendered from the plan's exported values (`--values-out`, rendered by e2e/flowcheck.sh).
//
//	flowcheck flows -stack NAME -objects FILE [-release NAMESPACE=FILE ...]
//	flowcheck pods  -stack NAME -objects FILE [-release NAMESPACE=FILE ...] [-admission FILE]
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

type releases []string

func (r *releases) String() string     { return strings.Join(*r, ",") }
func (r *releases) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "flows" && os.Args[1] != "pods") {
		fmt.Fprintln(os.Stderr, "usage: flowcheck flows|pods -stack NAME -objects FILE [-release NAMESPACE=FILE ...] [-admission FILE] [-v]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	stack := fs.String("stack", "", "name shown in messages")
	objectsFile := fs.String("objects", "", "objects CodeZero authors (codezero plan --objects-out)")
	admission := fs.String("admission", "", "the target's admission facts (pods only)")
	verbose := fs.Bool("v", false, "print every flow or pod")
	var rels releases
	fs.Var(&rels, "release", "NAMESPACE=FILE: one rendered Helm release (repeatable)")
	_ = fs.Parse(os.Args[2:])
	cluster, err := load(*stack, *objectsFile, rels)
	if err != nil {
		fmt.Fprintln(os.Stderr, "flowcheck:", err)
		os.Exit(2)
	}
	if os.Args[1] == "flows" {
		os.Exit(runFlows(cluster, *verbose))
	}
	os.Exit(runPods(cluster, *admission, *verbose))
}

func load(stack, objectsFile string, rels []string) (*Cluster, error) {
	if objectsFile == "" {
		return nil, fmt.Errorf("-objects is required")
	}
	objects, err := ReadManifests(objectsFile, "", "codezero objects")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		ns, file, ok := strings.Cut(r, "=")
		if !ok {
			return nil, fmt.Errorf("-release %q: want NAMESPACE=FILE", r)
		}
		more, err := ReadManifests(file, ns, "release "+strings.TrimSuffix(file[strings.LastIndex(file, "/")+1:], ".yaml"))
		if err != nil {
			return nil, err
		}
		objects = append(objects, more...)
	}
	objects, repeated := once(objects)
	if repeated > 0 {
		fmt.Printf("%s: %d objects appear more than once (a program with several stacks, e.g. one per region); each is checked once\n",
			stack, repeated)
	}
	return Build(stack, objects)
}

// once keeps the first object of each kind, namespace and name: a program with several stacks exports each
// stack's copy of the same platform, and one cluster holds only one of them.
func once(objects []Object) ([]Object, int) {
	seen := map[string]bool{}
	var out []Object
	for _, o := range objects {
		key := o.Kind() + "/" + o.Namespace() + "/" + o.Name()
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, o)
	}
	return out, len(objects) - len(out)
}

func runFlows(c *Cluster, verbose bool) int {
	flows, unresolved := c.Flows()
	verdicts := c.Evaluate(flows)
	kinds := map[string][2]int{}
	blocked := []string{}
	allowed := 0
	for _, v := range verdicts {
		k := kinds[v.Flow.Kind]
		k[0]++
		if v.Allowed {
			k[1]++
			allowed++
		} else {
			blocked = append(blocked, fmt.Sprintf("%s\n      %s", v.Flow, v.Reason))
		}
		kinds[v.Flow.Kind] = k
		if verbose {
			mark := "ok     "
			if !v.Allowed {
				mark = "BLOCKED"
			}
			via := ""
			if v.Port != v.Flow.Port {
				via = fmt.Sprintf(" (as HBONE to %d)", v.Port)
			}
			fmt.Printf("  %s %s%s\n", mark, v.Flow, via)
		}
	}
	scrapeChecked, scrapeProblems := c.ScrapeAccount(verdicts)
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s %d/%d", k, kinds[k][1], kinds[k][0]))
	}
	fmt.Printf("flowcheck %s (mesh: %s, %d pods, %d NetworkPolicies): %d flows, %d allowed, %d blocked [%s]; %d scrape targets scraped exactly once: %d\n",
		c.Stack, c.Mode, len(c.Pods), len(c.Policies), len(verdicts), allowed, len(verdicts)-allowed, strings.Join(parts, ", "),
		scrapeChecked, scrapeChecked-len(scrapeProblems))
	if verbose {
		for _, u := range unresolved {
			fmt.Printf("  not modelled: %s\n", u)
		}
	}
	for _, b := range blocked {
		fmt.Printf("  BLOCKED %s\n", b)
	}
	for _, p := range scrapeProblems {
		fmt.Printf("  SCRAPE  %s\n", p)
	}
	if len(blocked) > 0 || len(scrapeProblems) > 0 {
		return 1
	}
	return 0
}
