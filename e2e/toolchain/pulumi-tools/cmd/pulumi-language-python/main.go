// A stand-in for Pulumi's Python language host, for the CodeZero package's engine test
// (package/e2e/run.sh). The real host (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3)
// is a Go module of its own that the module proxy reachable here does not serve, at any version.
//
// It does what the real host's Run does for a program whose dependencies are installed: it runs
// the Pulumi Python SDK's own program runner, pulumi-language-python-exec (shipped in the sdk/v3
// module and embedded at build time by e2e/toolchain.sh), with the engine's monitor address,
// project, stack, config and secret keys, under the python3 found on PATH (the test puts a
// virtualenv with the `pulumi` SDK from PyPI first). Plugin discovery, dependency installation,
// `pulumi new`, SDK generation and linking are not implemented: the test installs the SDK with pip.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

//go:embed pulumi-language-python-exec
var execScript []byte

var version = "0.0.0"

// The exit code pulumi-language-python-exec uses after it has shown the user an error.
const userActionableExit = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engine string
}

func (h *host) Handshake(ctx context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// The program's packages come from the SDKs installed in the virtualenv; the engine loads a
// provider when the program first registers one of its resources.
func (h *host) GetRequiredPlugins(ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return &pulumirpc.AboutResponse{Executable: "python3", Version: "stand-in"}, nil
}

func (h *host) GetProgramDependencies(ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	script, err := os.CreateTemp("", "pulumi-language-python-exec-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(script.Name())
	if _, err := script.Write(execScript); err != nil {
		return nil, err
	}
	script.Close()

	program := req.GetProgram()
	root := req.GetPwd()
	if info := req.GetInfo(); info != nil {
		program = filepath.Join(info.GetProgramDirectory(), info.GetEntryPoint())
		root = info.GetRootDirectory()
	}
	args := []string{"-u", script.Name(),
		"--monitor", req.GetMonitorAddress(), "--engine", h.engine,
		"--project", req.GetProject(), "--stack", req.GetStack(), "--pwd", req.GetPwd(),
		"--dry_run", strconv.FormatBool(req.GetDryRun()), "--parallel", strconv.Itoa(int(req.GetParallel())),
		"--organization", req.GetOrganization(), "--root_directory", root, program}
	args = append(args, req.GetArgs()...)

	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "python3", args...)
	cmd.Dir = req.GetPwd()
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == userActionableExit {
			return &pulumirpc.RunResponse{Bail: true}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("python program failed: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

func main() {
	// arguments: logging/tracing flags, then the engine's address
	var rest []string
	for i := 1; i < len(os.Args); i++ {
		a := os.Args[i]
		switch {
		case a == "-tracing" || a == "--tracing" || a == "-root" || a == "--root":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			rest = append(rest, a)
		}
	}
	if len(rest) == 0 {
		fmt.Fprintln(os.Stderr, "pulumi-language-python (stand-in): missing the engine address")
		os.Exit(1)
	}
	h := &host{engine: rest[0]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
