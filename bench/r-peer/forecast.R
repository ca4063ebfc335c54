# R forecast::ets or forecast::auto.arima on the protocol's H/short windows, as peers for Prescient.
# Usage: Rscript forecast.R <panel.csv from `prescient export --freq 1h`> <out forecasts.csv> <every-k-th series> <cores>
#        <ets|arima> [seconds-per-fit limit]
# Each series' history before a window is last-value imputed (leading gaps dropped), as Prescient does,
# then ets(ts(history, frequency = 24)) picks its form by AICc (or auto.arima picks its orders). Quantiles come from forecast()'s
# 20/40/60/80 % intervals; the median is the point forecast. CPU seconds per fit go to <out>.timing.csv.
suppressPackageStartupMessages({ library(forecast); library(parallel) })
args <- commandArgs(trailingOnly = TRUE)
panel <- read.csv(args[1], check.names = FALSE)
out <- args[2]; every <- as.integer(args[3]); cores <- as.integer(args[4])
model <- if (length(args) >= 5) args[5] else "ets"
limit <- if (length(args) >= 6) as.numeric(args[6]) else Inf  # seconds per fit; a fit over it falls back to the last value
fitter <- switch(model, ets = function(y) ets(y), arima = function(y) auto.arima(y),
                 stop("model must be ets or arima"))
H <- 48; m <- 24; L <- nrow(panel)
W <- min(max(1, ceiling(0.1 * L / H)), 20)
columns <- names(panel)[-1]
columns <- columns[seq(1, length(columns), by = every)]
impute <- function(x) {
  first <- which(!is.na(x))[1]
  if (is.na(first)) return(numeric(0))
  x <- x[first:length(x)]
  for (i in seq_along(x)) if (is.na(x[i])) x[i] <- x[i - 1]
  x
}
one <- function(col) {
  parts <- strsplit(col, "/", fixed = TRUE)[[1]]
  rows <- list(); timing <- list()
  for (k in 0:(W - 1)) {
    start <- L - (W - k) * H
    h <- impute(panel[[col]][1:start])
    t0 <- proc.time()[["user.self"]] + proc.time()[["sys.self"]]
    q <- matrix(NA_real_, H, 9); form <- "none"
    if (length(h) >= 2) {
      fit <- tryCatch({
        setTimeLimit(elapsed = limit, transient = TRUE)
        on.exit(setTimeLimit(elapsed = Inf), add = TRUE)
        fitter(ts(h, frequency = m))
      }, error = function(e) { form <<- if (grepl("time limit", conditionMessage(e))) "timeout" else "error"; NULL })
      setTimeLimit(elapsed = Inf)
      if (!is.null(fit)) {
        form <- gsub(",", " ", if (model == "ets") fit$method else forecast:::arima.string(fit, padding = FALSE))
        f <- forecast(fit, h = H, level = c(20, 40, 60, 80))
        q[, 5] <- as.numeric(f$mean)
        for (j in 1:4) {
          q[, 5 - j] <- as.numeric(f$lower[, j])
          q[, 5 + j] <- as.numeric(f$upper[, j])
        }
      }
    }
    if (any(is.na(q))) q[,] <- if (length(h) > 0) tail(h, 1) else 0
    secs <- proc.time()[["user.self"]] + proc.time()[["sys.self"]] - t0
    rows[[k + 1]] <- data.frame(item_id = parts[1], variate = parts[2], window = k, step = 1:H,
                                q, mean = q[, 5])
    timing[[k + 1]] <- data.frame(item_id = parts[1], variate = parts[2], window = k, form = form,
                                  cpu_seconds = secs, max_history = if (length(h)) max(h) else NA,
                                  max_q90 = max(q[, 9]))
  }
  list(rows = do.call(rbind, rows), timing = do.call(rbind, timing))
}
results <- mclapply(columns, one, mc.cores = cores)
fc <- do.call(rbind, lapply(results, `[[`, "rows"))
names(fc) <- c("item_id", "variate", "window", "step", paste0("q0.", 1:9), "mean")
write.csv(fc, out, row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, lapply(results, `[[`, "timing")), paste0(out, ".timing.csv"), row.names = FALSE, quote = FALSE)
