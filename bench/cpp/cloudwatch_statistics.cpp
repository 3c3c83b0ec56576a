// SPDX-License-Identifier: MIT
// Times GetMetricStatistics over a large metric, straight through CloudWatchService (no HTTP):
// loads N datapoints (default 1,000,000) of one metric spread evenly over a 3-hour window with
// PutMetricData (1000 datums per call), then asks for the whole window with all five simple
// statistics, at Period 60 and 300, and prints min / median / max of the repeated calls.
// Usage: cb_bench_cloudwatch_statistics [datapoints] [repeats]   (see bench/README.md)
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;

namespace {

constexpr qint64 WindowMs = 3 * 3600 * 1000;
// 2026-11-23 10:00:00 UTC: the end of the window and the clock's now.
constexpr qint64 Now = 1'795'428'000'000;

double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const int repeats = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    if (total <= 0 || repeats <= 0) {
        std::fprintf(stderr, "usage: %s [datapoints > 0] [repeats > 0]\n", argv[0]);
        return 2;
    }
    QTemporaryDir dir;
    Core::Storage::Database database(dir.filePath(u"bench.db"_s));
    if (auto opened = database.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    int status = 0;
    {
        Core::ManualClock clock(Now);
        CloudWatchService service(database, &clock, u"000000000000"_s, u"us-east-1"_s);
        const Dimensions dimensions{{u"Stage"_s, u"bench"_s}};

        QElapsedTimer timer;
        timer.start();
        QList<MetricDatum> batch;
        for (qint64 i = 0; i < total; ++i) {
            MetricDatum datum;
            datum.metricName = u"Latency"_s;
            datum.dimensions = dimensions;
            datum.timestampMs = Now - WindowMs + i * WindowMs / total;
            datum.value = double(i % 997);
            datum.unit = u"Milliseconds"_s;
            batch.append(std::move(datum));
            if (batch.size() == 1000 || i + 1 == total) {
                if (auto put = service.putMetricData(u"Bench"_s, batch); !put) {
                    std::fprintf(
                        stderr, "PutMetricData failed: %s\n", qPrintable(put.error().message));
                    return 1;
                }
                batch.clear();
            }
        }
        const qint64 loadNs = timer.nsecsElapsed();
        std::printf("loaded %lld datapoints in %.1f s (%.0f datums/s through PutMetricData)\n",
            total,
            double(loadNs) / 1e9,
            double(total) / (double(loadNs) / 1e9));

        for (const int period : {60, 300}) {
            GetMetricStatisticsRequest request;
            request.metric = {u"Bench"_s, u"Latency"_s, dimensions};
            request.startMs = Now - WindowMs;
            request.endMs = Now;
            request.period = period;
            request.statistics = {
                u"SampleCount"_s, u"Average"_s, u"Sum"_s, u"Minimum"_s, u"Maximum"_s};
            QList<qint64> times;
            double samples = 0;
            qsizetype datapoints = 0;
            for (int r = 0; r < repeats; ++r) {
                timer.restart();
                const auto result = service.getMetricStatistics(request);
                times.append(timer.nsecsElapsed());
                if (!result) {
                    std::fprintf(stderr,
                        "GetMetricStatistics failed: %s\n",
                        qPrintable(result.error().message));
                    return 1;
                }
                datapoints = result->size();
                samples = 0;
                for (const Datapoint &point : *result)
                    samples += point.sampleCount.value_or(0);
            }
            std::sort(times.begin(), times.end());
            std::printf("GetMetricStatistics 3 h, Period %d: %lld datapoints, SampleCount total "
                        "%.0f; min %.2f ms, median %.2f ms, max %.2f ms (%d calls)\n",
                period,
                qint64(datapoints),
                samples,
                milliseconds(times.front()),
                milliseconds(times.at(times.size() / 2)),
                milliseconds(times.back()),
                repeats);
            if (qint64(samples) != total)
                status = 1;
        }
    }
    database.closeThreadConnection();
    return status;
}
