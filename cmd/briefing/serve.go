package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/briefing-tool/briefing/internal/logx"
	"github.com/briefing-tool/briefing/internal/serve"
	"github.com/briefing-tool/briefing/pipeline"
	"github.com/briefing-tool/briefing/pipeline/period"
)

// defaultAddr is loopback: the briefing is readable on this machine only
// unless --addr names another interface.
const defaultAddr = "127.0.0.1:8080"

// serveOnceEnv, set to 1, makes serve stop as if interrupted once its
// first build is served: the CLI's tests run every command to its end
// (TestGlobalFlagsAnywhere, TestHelpExamples). It is not for users.
const serveOnceEnv = "BRIEFING_SERVE_ONCE"

func serveCommand(configFlag, periodFlag, pairFlag cli.Flag, getenv func(string) string) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "rebuild the PDF and workbook as the project's files change and show them on a local page; writes nothing",
		ArgsUsage: " ",
		Flags: []cli.Flag{configFlag, periodFlag, pairFlag,
			&cli.StringFlag{Name: "addr", Value: defaultAddr, Usage: "listen on `HOST:PORT`; another interface than loopback lets others read the briefing"},
		},
		Action: func(c *cli.Context) error { return cmdServe(c, getenv) },
	}
}

func cmdServe(c *cli.Context, getenv func(string) string) error {
	if c.Args().Present() {
		return usagef("serve takes no arguments, got %q", c.Args().First())
	}
	now, err := runTime(getenv) // checks SOURCE_DATE_EPOCH
	if err != nil {
		return err
	}
	clock := time.Now
	if getenv("SOURCE_DATE_EPOCH") != "" {
		clock = func() time.Time { return now }
	}
	opt := pipeline.Options{ConfigPath: c.String("config"), Version: toolVersion()}
	if c.IsSet("period") {
		opt.Period = c.String("period")
		if err := period.Validate(opt.Period); err != nil {
			return &usageError{msg: "--period: " + err.Error()}
		}
	}
	// A config with problems is served (the page lists them, and the
	// watcher sees them fixed); one that cannot be read at all is not a
	// project to serve.
	cfg, err := pipeline.LoadConfig(opt.ConfigPath)
	var cfgErrs pipeline.ErrorList
	if err != nil && (cfg == nil || !errors.As(err, &cfgErrs)) {
		return err
	}
	if len(cfgErrs) == 0 {
		for _, p := range c.StringSlice("pair") {
			if _, err := cfg.ParseScope(p); err != nil {
				return usagef("--pair: %v", err)
			}
		}
	}
	addr := c.String("addr")
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("--addr %q: want HOST:PORT, such as %s", addr, defaultAddr)
	}
	lo := logOptions(c)
	log := logx.New(c.App.ErrWriter, lo)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return usagef("--addr %s: the port is in use (another briefing serve?); choose another with --addr", addr)
		}
		return usagef("--addr %s: %v", addr, pipeline.UnwrapPath(errors.Unwrap(err)))
	}
	loopback := isLoopback(host)
	if !loopback {
		log.Warn(fmt.Sprintf("serving on %s, not loopback: anyone who can reach this machine on port %d can read the briefing", addr, ln.Addr().(*net.TCPAddr).Port))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	so := serve.Options{Base: opt, Pairs: c.StringSlice("pair"), Now: clock, Log: log, Loopback: loopback}
	if lo.Verbose {
		so.StageLog = log
	}
	srv := serve.New(ctx, so)
	srv.Rebuild()
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	var wg sync.WaitGroup
	served := make(chan error, 1)
	wg.Go(func() { served <- hs.Serve(ln) })
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan error, 1)
	wg.Go(func() { watched <- srv.Watch(watchCtx) })
	log.Info(fmt.Sprintf("serving http://%s/ (Ctrl-C stops)", displayAddr(ln.Addr().(*net.TCPAddr), host)))
	if getenv(serveOnceEnv) == "1" {
		stop()
	}

	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-served:
	case runErr = <-watched:
		if runErr != nil {
			runErr = fmt.Errorf("watching the project: %w", runErr)
		}
	}
	stopWatch()
	srv.Close() // end the event streams, which Shutdown would wait for
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && runErr == nil {
		runErr = err
	}
	wg.Wait()
	if runErr != nil && !errors.Is(runErr, http.ErrServerClosed) {
		return runErr
	}
	log.Info("stopped")
	return nil
}

// isLoopback reports whether host (from --addr) is loopback only; ""
// and 0.0.0.0 are every interface.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// displayAddr is the address to open in a browser: the bound port, on
// the host asked for, or localhost for every interface.
func displayAddr(a *net.TCPAddr, host string) string {
	if host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, fmt.Sprint(a.Port))
}
