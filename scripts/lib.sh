# Helpers sourced by run.sh and services.sh (not executable on its own).

# The first port from $1 upwards that nothing on 127.0.0.1 accepts connections on. Bash's
# /dev/tcp keeps this free of extra tools; a port taken between this check and the bind
# makes the service fail to start, which the callers report.
free_port() {
    local port=$1 last=$(($1 + 100))
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
        if ((port > last)); then
            echo "no free port in $1..$last" >&2
            return 1
        fi
    done
    echo "$port"
}

# Waits up to $2 seconds (default 30) for something to accept connections on 127.0.0.1:$1.
wait_for_port() {
    local tries=$((${2:-30} * 10))
    until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
        tries=$((tries - 1))
        if ((tries <= 0)); then
            echo "nothing listens on 127.0.0.1:$1" >&2
            return 1
        fi
        sleep 0.1
    done
}

# Starts a Redis that keeps nothing on disk, on loopback only, logging into $1; sets
# REDIS_PID and exports REDIS_URL. Stopping it is the caller's trap's job.
start_redis() {
    local dir=$1 port
    port=$(free_port "${REDIS_PORT:-$2}")
    redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
        --dir "$dir" --logfile "$dir/redis.log" --daemonize no &
    REDIS_PID=$!
    wait_for_port "$port" 10 || { cat "$dir/redis.log" >&2; return 1; }
    export REDIS_URL="redis://127.0.0.1:$port/0"
}

# Ends the given background processes (ignoring ones already gone) and reaps them.
stop_pids() {
    local pid
    for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}
