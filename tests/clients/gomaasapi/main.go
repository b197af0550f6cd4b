// Command gomaasapi-flow drives a MAAS-compatible server with juju's gomaasapi (the Debian package
// golang-github-juju-gomaasapi-dev, v2.0.0) through the flow juju's MAAS provider uses:
// connect (version/ and users/?op=whoami), list machines, allocate with constraints, deploy
// (Machine.Start) and release. It prints each step and exits 1 with the error text on the first
// failure, so a test can run it against Ingot and assert on the exit code and output.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/juju/gomaasapi"
)

// listFlag collects a repeatable or comma-separated string flag (-tag a -tag b, or -tag a,b).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(value string) error {
	for _, part := range strings.Split(value, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}

func main() {
	url := flag.String("url", "", "MAAS URL, e.g. http://127.0.0.1:5240/MAAS/ (required)")
	apiKey := flag.String("apikey", "", "API key consumer:token:secret (required)")
	zone := flag.String("zone", "", "allocate constraint: zone name")
	pool := flag.String("pool", "", "allocate constraint: resource pool name")
	arch := flag.String("arch", "", "allocate constraint: architecture, e.g. amd64")
	cpus := flag.Int("cpu-count", 0, "allocate constraint: minimum CPU count")
	mem := flag.Int("mem", 0, "allocate constraint: minimum memory in MiB")
	agentName := flag.String("agent-name", "", "agent_name stored on the allocated machine")
	series := flag.String("distro-series", "jammy", "distro_series to deploy")
	var tags, notTags listFlag
	flag.Var(&tags, "tags", "allocate constraint: tags the machine must have (repeatable or comma-separated)")
	flag.Var(&notTags, "not-tags", "allocate constraint: tags the machine must not have")
	flag.Parse()

	if *url == "" || *apiKey == "" {
		fmt.Fprintln(os.Stderr, "usage: gomaasapi-flow -url URL -apikey consumer:token:secret [constraints]")
		flag.PrintDefaults()
		os.Exit(2)
	}

	if err := run(*url, *apiKey, gomaasapi.AllocateMachineArgs{
		Architecture: *arch,
		MinCPUCount:  *cpus,
		MinMemory:    *mem,
		Tags:         tags,
		NotTags:      notTags,
		Zone:         *zone,
		Pool:         *pool,
		AgentName:    *agentName,
		Comment:      "allocated by the gomaasapi flow",
	}, *series); err != nil {
		fmt.Printf("FAIL: %v\n", err)
		os.Exit(1)
	}
	fmt.Println("OK: connect, list, allocate, deploy, release")
}

func run(url, apiKey string, constraints gomaasapi.AllocateMachineArgs, series string) error {
	step("connect", url)
	controller, err := gomaasapi.NewController(gomaasapi.ControllerArgs{BaseURL: url, APIKey: apiKey})
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	version, subversion, err := controller.APIVersionInfo()
	if err != nil {
		return fmt.Errorf("version: %w", err)
	}
	fmt.Printf("  server version %q subversion %q, capabilities %v\n", version, subversion, controller.Capabilities().SortedValues())

	step("list machines", "")
	machines, err := controller.Machines(gomaasapi.MachinesArgs{})
	if err != nil {
		return fmt.Errorf("list machines: %w", err)
	}
	for _, m := range machines {
		fmt.Printf("  %s %s %s cpu=%d mem=%d zone=%s tags=%v\n",
			m.SystemID(), m.FQDN(), m.StatusName(), m.CPUCount(), m.Memory(), m.Zone().Name(), m.Tags())
	}

	step("allocate", describe(constraints))
	machine, _, err := controller.AllocateMachine(constraints)
	if err != nil {
		return fmt.Errorf("allocate: %w", err)
	}
	fmt.Printf("  allocated %s (%s), status %q\n", machine.SystemID(), machine.FQDN(), machine.StatusName())
	if machine.StatusName() != "Allocated" {
		return fmt.Errorf("allocate: status is %q, want \"Allocated\"", machine.StatusName())
	}

	step("deploy", "distro_series="+series)
	if err := machine.Start(gomaasapi.StartArgs{DistroSeries: series, Comment: "deployed by the gomaasapi flow"}); err != nil {
		return fmt.Errorf("deploy %s: %w", machine.SystemID(), err)
	}
	fmt.Printf("  %s status %q, %s/%s\n", machine.SystemID(), machine.StatusName(), machine.OperatingSystem(), machine.DistroSeries())
	if machine.StatusName() != "Deploying" && machine.StatusName() != "Deployed" {
		return fmt.Errorf("deploy: status is %q, want \"Deploying\"", machine.StatusName())
	}

	step("release", machine.SystemID())
	if err := controller.ReleaseMachines(gomaasapi.ReleaseMachinesArgs{
		SystemIDs: []string{machine.SystemID()},
		Comment:   "Released by the gomaasapi flow",
	}); err != nil {
		return fmt.Errorf("release %s: %w", machine.SystemID(), err)
	}
	return nil
}

func step(name, detail string) {
	fmt.Printf("STEP %s %s\n", name, detail)
}

func describe(a gomaasapi.AllocateMachineArgs) string {
	parts := []string{}
	add := func(key, value string) {
		if value != "" && value != "0" && value != "[]" {
			parts = append(parts, key+"="+value)
		}
	}
	add("arch", a.Architecture)
	add("cpu_count", fmt.Sprint(a.MinCPUCount))
	add("mem", fmt.Sprint(a.MinMemory))
	add("tags", fmt.Sprint(a.Tags))
	add("not_tags", fmt.Sprint(a.NotTags))
	add("zone", a.Zone)
	add("pool", a.Pool)
	add("agent_name", a.AgentName)
	return strings.Join(parts, " ")
}
