// SPDX-License-Identifier: MIT
// CloudWatch through the JS SDK v3 (JSON 1.0, query-compatible) against CB_ENDPOINT: puts data,
// reads it back with GetMetricStatistics and GetMetricData, creates an alarm, lists it, and
// provokes one error of each kind. Prints one JSON document.
const {
    CloudWatchClient, PutMetricDataCommand, GetMetricStatisticsCommand, GetMetricDataCommand,
    PutMetricAlarmCommand, DescribeAlarmsCommand, ListMetricsCommand,
} = require('@aws-sdk/client-cloudwatch');

const client = new CloudWatchClient({
    endpoint: process.env.CB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
});

async function errorOf(command) {
    try {
        await client.send(command);
        return null;
    } catch (err) {
        return { name: err.name, code: err.Code || err.name, message: err.message,
            status: err.$metadata && err.$metadata.httpStatusCode };
    }
}

async function main() {
    const now = new Date();
    const namespace = process.argv[2];
    await client.send(new PutMetricDataCommand({
        Namespace: namespace,
        MetricData: [
            { MetricName: 'Requests', Value: 4, Unit: 'Count', Timestamp: now,
              Dimensions: [{ Name: 'Api', Value: 'orders' }] },
            { MetricName: 'Requests', Values: [1, 2], Counts: [1, 3], Unit: 'Count', Timestamp: now,
              Dimensions: [{ Name: 'Api', Value: 'orders' }] },
        ],
    }));
    const start = new Date(now.getTime() - 10 * 60 * 1000);
    const end = new Date(now.getTime() + 60 * 1000);
    const stats = await client.send(new GetMetricStatisticsCommand({
        Namespace: namespace, MetricName: 'Requests', Dimensions: [{ Name: 'Api', Value: 'orders' }],
        StartTime: start, EndTime: end, Period: 60, Statistics: ['Sum', 'SampleCount'],
        ExtendedStatistics: ['p50'],
    }));
    const data = await client.send(new GetMetricDataCommand({
        StartTime: start, EndTime: end,
        MetricDataQueries: [
            { Id: 'm1', ReturnData: false, MetricStat: { Period: 60, Stat: 'Sum',
              Metric: { Namespace: namespace, MetricName: 'Requests', Dimensions: [{ Name: 'Api', Value: 'orders' }] } } },
            { Id: 'e1', Expression: 'm1 * 2', Label: 'double' },
            { Id: 's1', Expression: `SEARCH('{${namespace},Api} MetricName="Requests"', 'Sum', 60)` },
        ],
    }));
    await client.send(new PutMetricAlarmCommand({
        AlarmName: `${namespace}-alarm`, Namespace: namespace, MetricName: 'Requests',
        Dimensions: [{ Name: 'Api', Value: 'orders' }], Statistic: 'Sum', Period: 60,
        EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 100,
        ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching',
    }));
    const alarms = await client.send(new DescribeAlarmsCommand({ AlarmNamePrefix: namespace }));
    const metrics = await client.send(new ListMetricsCommand({ Namespace: namespace }));
    const reserved = await errorOf(new PutMetricDataCommand({
        Namespace: 'AWS/Lambda', MetricData: [{ MetricName: 'X', Value: 1 }] }));
    const badPeriod = await errorOf(new GetMetricStatisticsCommand({
        Namespace: namespace, MetricName: 'Requests', StartTime: start, EndTime: end, Period: 61,
        Statistics: ['Sum'] }));
    const missing = await errorOf(new PutMetricAlarmCommand({
        AlarmName: 'x', Namespace: namespace, MetricName: 'Requests', Statistic: 'Sum', Period: 60,
        EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold' }));
    console.log(JSON.stringify({
        datapoints: stats.Datapoints.map((p) => ({ Sum: p.Sum, SampleCount: p.SampleCount,
            Unit: p.Unit, p50: p.ExtendedStatistics && p.ExtendedStatistics.p50,
            isDate: p.Timestamp instanceof Date })),
        metricData: data.MetricDataResults.map((r) => ({ Id: r.Id, Label: r.Label, Values: r.Values,
            StatusCode: r.StatusCode, timestamps: r.Timestamps.length })),
        alarms: alarms.MetricAlarms.map((a) => ({ AlarmName: a.AlarmName, StateValue: a.StateValue,
            DatapointsToAlarm: a.DatapointsToAlarm, TreatMissingData: a.TreatMissingData })),
        metrics: metrics.Metrics.length,
        errors: { reserved, badPeriod, missing },
    }));
}

main().catch((err) => { console.error(err); process.exit(1); });
