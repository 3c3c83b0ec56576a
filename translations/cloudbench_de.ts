<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App::Application</name>
    <message>
        <location filename="../app/application.cpp" line="86"/>
        <source>Cloudbench cannot start</source>
        <translation>Cloudbench kann nicht starten</translation>
    </message>
</context>
<context>
    <name>Gui::Activity::ActivityModel</name>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="145"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="147"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="149"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="151"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="153"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="155"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="157"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="159"/>
        <source>Request size</source>
        <translation>Anfragegröße</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="161"/>
        <source>Response size</source>
        <translation>Antwortgröße</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="325"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="327"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitymodel.cpp" line="328"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Gui::Activity::ActivityPane</name>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="55"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="56"/>
        <source>Every request the endpoint answered, newest first. Select one to see its headers and bodies.</source>
        <translation>Jede Anfrage, die der Endpunkt beantwortet hat, die neueste zuerst. Wählen Sie eine aus, um ihre Header und Inhalte zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="149"/>
        <source>Show the requests to one service only</source>
        <translation>Nur die Anfragen an einen Dienst anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="150"/>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="156"/>
        <source>Show the requests with a status in this class only</source>
        <translation>Nur die Anfragen mit einem Status dieser Klasse anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="158"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="160"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="162"/>
        <source>2xx success</source>
        <translation>2xx Erfolg</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="163"/>
        <source>4xx client errors</source>
        <translation>4xx Client-Fehler</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="165"/>
        <source>5xx server errors</source>
        <translation>5xx Server-Fehler</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="170"/>
        <source>Filter by operation or error code</source>
        <translation>Nach Operation oder Fehlercode filtern</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="179"/>
        <source>Hold new requests back so the list stays still while you read; they are added when you resume</source>
        <translation>Neue Anfragen zurückhalten, damit die Liste beim Lesen stillsteht; sie werden beim Fortsetzen hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="181"/>
        <source>Clear…</source>
        <translation>Leeren…</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="182"/>
        <source>Delete every request from the activity journal</source>
        <translation>Alle Anfragen aus dem Aktivitätsprotokoll löschen</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="219"/>
        <source>No requests yet</source>
        <translation>Noch keine Anfragen</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="226"/>
        <source>Point any AWS client at the endpoint and each request it makes appears here the moment it is answered. Try this in a terminal:</source>
        <translation>Richten Sie einen beliebigen AWS-Client auf den Endpunkt; jede seiner Anfragen erscheint hier, sobald sie beantwortet ist. Probieren Sie dies in einem Terminal:</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="235"/>
        <source>Any access key works, for example test / test. Help › Endpoint set-up shows the full configuration.</source>
        <translation>Jeder Zugriffsschlüssel funktioniert, zum Beispiel test / test. Hilfe › Endpunkt einrichten zeigt die vollständige Konfiguration.</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="274"/>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="277"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="285"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="290"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="290"/>
        <source>Resume (%1 new)</source>
        <translation>Fortsetzen (%1 neu)</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="323"/>
        <source>Clear activity</source>
        <translation>Aktivität leeren</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="324"/>
        <source>Delete every request from the activity journal?</source>
        <translation>Alle Anfragen aus dem Aktivitätsprotokoll löschen?</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="327"/>
        <source>This cannot be undone. Buckets, queues, tables and other resources are not affected.</source>
        <translation>Dies kann nicht rückgängig gemacht werden. Buckets, Warteschlangen, Tabellen und andere Ressourcen bleiben unberührt.</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypane.cpp" line="329"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>Gui::Activity::PayloadFormatter</name>
    <message>
        <location filename="../ui/activity/payloadformatter.cpp" line="148"/>
        <source>(the first %1 of %2 bytes)</source>
        <translation>(die ersten %1 von %2 Bytes)</translation>
    </message>
    <message>
        <location filename="../ui/activity/payloadformatter.cpp" line="198"/>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location filename="../ui/activity/payloadformatter.cpp" line="204"/>
        <source>Form-encoded</source>
        <translation>Formularkodiert</translation>
    </message>
    <message>
        <location filename="../ui/activity/payloadformatter.cpp" line="208"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/activity/payloadformatter.cpp" line="210"/>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
</context>
<context>
    <name>Gui::Activity::RequestDetailView</name>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="86"/>
        <location filename="../ui/activity/requestdetailview.cpp" line="267"/>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="87"/>
        <source>%1 body, %2</source>
        <translation>Inhalt: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="119"/>
        <source>Select a request to see its headers and bodies.</source>
        <translation>Wählen Sie eine Anfrage aus, um ihre Header und Inhalte zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="164"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="164"/>
        <source>Copy the request to the clipboard</source>
        <translation>Die Anfrage in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="166"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="166"/>
        <source>Copy the response to the clipboard</source>
        <translation>Die Antwort in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="188"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="208"/>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="209"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="267"/>
        <source>Not kept</source>
        <translation>Nicht aufbewahrt</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="283"/>
        <source>Headers and bodies are kept for the most recent requests only; this request is older, so only its summary is shown.</source>
        <translation>Header und Inhalte werden nur für die jüngsten Anfragen aufbewahrt; diese Anfrage ist älter, daher wird nur ihre Zusammenfassung angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="287"/>
        <source>Only the start of the request body was kept (%1): the journal keeps the start of each body, and none of an upload streamed to disk.</source>
        <translation>Nur der Anfang des Anfrageinhalts wurde aufbewahrt (%1): Das Protokoll bewahrt den Anfang jedes Inhalts auf, aber nichts von einem auf die Festplatte gestreamten Upload.</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="291"/>
        <source>Only the start of the response body was kept (%1): the journal keeps the start of each body, and none of a download streamed from disk.</source>
        <translation>Nur der Anfang des Antwortinhalts wurde aufbewahrt (%1): Das Protokoll bewahrt den Anfang jedes Inhalts auf, aber nichts von einem von der Festplatte gestreamten Download.</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="301"/>
        <source>The journal no longer holds this request.</source>
        <translation>Das Protokoll enthält diese Anfrage nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="327"/>
        <source>Unknown operation</source>
        <translation>Unbekannte Operation</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="337"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="340"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="341"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="342"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="346"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/activity/requestdetailview.cpp" line="348"/>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::AlarmChart</name>
    <message>
        <location filename="../ui/cloudwatch/alarmchart.cpp" line="110"/>
        <source>In alarm</source>
        <translation>Im Alarm</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmchart.cpp" line="125"/>
        <source>Expected band</source>
        <translation>Erwartetes Band</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmchart.cpp" line="136"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmchart.cpp" line="150"/>
        <source>Datapoints</source>
        <translation>Datenpunkte</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmchart.cpp" line="163"/>
        <source>Threshold %1</source>
        <translation>Schwellenwert %1</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::AlarmListModel</name>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="51"/>
        <source>In alarm</source>
        <translation>Im Alarm</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="53"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="54"/>
        <source>Insufficient data</source>
        <translation>Unzureichende Daten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="74"/>
        <source>metric math</source>
        <translation>Metrik-Mathematik</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="85"/>
        <source>above the band</source>
        <translation>über dem Band</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="86"/>
        <source>below the band</source>
        <translation>unter dem Band</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="87"/>
        <source>outside the band</source>
        <translation>außerhalb des Bands</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="88"/>
        <source>%1 %2 for %3 of %4 datapoints within %5 s</source>
        <translation>%1 %2 für %3 von %4 Datenpunkten innerhalb von %5 s</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="94"/>
        <source>%1 %2 %3 for %4 of %5 datapoints within %6 s</source>
        <translation>%1 %2 %3 für %4 von %5 Datenpunkten innerhalb von %6 s</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="168"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="170"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="172"/>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmlistmodel.cpp" line="174"/>
        <source>Last state update</source>
        <translation>Letzte Statusänderung</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::AlarmsPane</name>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="168"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="366"/>
        <source>Select an alarm</source>
        <translation>Alarm auswählen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="366"/>
        <source>No alarms yet</source>
        <translation>Noch keine Alarme</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="374"/>
        <source>Its live chart with the threshold line, the datapoints the evaluator used and its state history appear here.</source>
        <translation>Hier erscheinen sein Live-Diagramm mit der Schwellenwertlinie, die vom Auswerter verwendeten Datenpunkte und sein Zustandsverlauf.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="376"/>
        <source>Create one with “Create alarm…”, from a metric under All metrics, or with aws cloudwatch put-metric-alarm. A new alarm starts in INSUFFICIENT_DATA until its periods have datapoints.</source>
        <translation>Legen Sie einen mit „Alarm erstellen…“ an, aus einer Metrik unter „Alle Metriken“ oder mit aws cloudwatch put-metric-alarm. Ein neuer Alarm beginnt in INSUFFICIENT_DATA, bis seine Perioden Datenpunkte haben.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="392"/>
        <source>All (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="154"/>
        <source>CloudWatch</source>
        <translation>CloudWatch</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="155"/>
        <source>Alarms watch a metric and change state when it crosses the threshold for M of N periods; metrics and logs are what your code and the services publish.</source>
        <translation>Alarme überwachen eine Metrik und wechseln den Status, wenn sie in M von N Perioden den Schwellenwert überschreitet; Metriken und Logs veröffentlichen Ihr Code und die Dienste.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="158"/>
        <source>Create alarm…</source>
        <translation>Alarm erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="169"/>
        <source>All metrics</source>
        <translation>Alle Metriken</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/alarmspane.cpp" line="172"/>
        <source>Log groups</source>
        <translation>Protokollgruppen</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::CreateAlarmDialog</name>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="67"/>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="157"/>
        <source>Create alarm</source>
        <translation>Alarm erstellen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="70"/>
        <source>high-error-rate</source>
        <translation>hohe-fehlerrate</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="177"/>
        <source>Outside of the band</source>
        <translation>Außerhalb des Bands</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="178"/>
        <source>Greater than the band</source>
        <translation>Größer als das Band</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="179"/>
        <source>Lower than the band</source>
        <translation>Kleiner als das Band</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="181"/>
        <source>Greater than (&gt;)</source>
        <translation>Größer als (&gt;)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="182"/>
        <source>Greater than or equal (&gt;=)</source>
        <translation>Größer oder gleich (&gt;=)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="183"/>
        <source>Less than (&lt;)</source>
        <translation>Kleiner als (&lt;)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="184"/>
        <source>Less than or equal (&lt;=)</source>
        <translation>Kleiner oder gleich (&lt;=)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="105"/>
        <source>Treat missing data as missing</source>
        <translation>Fehlende Daten als fehlend behandeln</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="57"/>
        <source>standard deviations</source>
        <translation>Standardabweichungen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="80"/>
        <source>Static</source>
        <translation>Statisch</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="81"/>
        <source>Anomaly detection</source>
        <translation>Anomalieerkennung</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="83"/>
        <source>Anomaly detection compares the metric with a band of expected values learnt from its last two weeks instead of a fixed threshold.</source>
        <translation>Die Anomalieerkennung vergleicht die Metrik statt mit einem festen Schwellenwert mit einem Band erwarteter Werte, das aus ihren letzten zwei Wochen gelernt wird.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="92"/>
        <source>The width of the band: a higher number of standard deviations makes a thicker band and fewer alarms.</source>
        <translation>Die Breite des Bands: Mehr Standardabweichungen ergeben ein breiteres Band und weniger Alarme.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="106"/>
        <source>Treat missing data as good (not breaching)</source>
        <translation>Fehlende Daten als gut behandeln (kein Verstoß)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="107"/>
        <source>Treat missing data as bad (breaching)</source>
        <translation>Fehlende Daten als schlecht behandeln (Verstoß)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="108"/>
        <source>Ignore (keep the current state)</source>
        <translation>Ignorieren (aktuellen Status beibehalten)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="109"/>
        <source>Lambda function or SNS topic ARNs, separated by spaces, e.g. arn:aws:lambda:us-east-1:000000000000:function:notify</source>
        <translation>ARNs von Lambda-Funktionen oder SNS-Themen, durch Leerzeichen getrennt, z. B. arn:aws:lambda:us-east-1:000000000000:function:notify</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="123"/>
        <source>Alarm name</source>
        <translation>Alarmname</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="124"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="125"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="126"/>
        <source>Metric name</source>
        <translation>Metrikname</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="127"/>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="130"/>
        <source>over</source>
        <translation>über</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="132"/>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="133"/>
        <source>Threshold type</source>
        <translation>Schwellenwerttyp</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="139"/>
        <source>Whenever the metric is</source>
        <translation>Wenn die Metrik ist</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="142"/>
        <source>out of</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="144"/>
        <source>datapoints</source>
        <translation>Datenpunkten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="146"/>
        <source>Datapoints to alarm</source>
        <translation>Datenpunkte bis zum Alarm</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="147"/>
        <source>Missing data</source>
        <translation>Fehlende Daten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="148"/>
        <source>In alarm, notify</source>
        <translation>Bei Alarm benachrichtigen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="149"/>
        <source>OK, notify</source>
        <translation>Bei OK benachrichtigen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createalarmdialog.cpp" line="150"/>
        <source>Insufficient data, notify</source>
        <translation>Bei unzureichenden Daten benachrichtigen</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::CreateMetricFilterDialog</name>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="33"/>
        <source>Create metric filter: %1</source>
        <translation>Metrikfilter erstellen: %1</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="41"/>
        <source>ERROR, { $.latency &gt; 100 }, [ip, user, status = 5*] ...</source>
        <translation>ERROR, { $.latency &gt; 100 }, [ip, user, status = 5*] ...</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="42"/>
        <source>for example MyApp</source>
        <translation>zum Beispiel MyApp</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="43"/>
        <source>for example ErrorCount</source>
        <translation>zum Beispiel ErrorCount</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="44"/>
        <source>1 counts matching events; $.field (JSON) or $name (space-delimited) publishes a value from the event.</source>
        <translation>1 zählt passende Ereignisse; $.feld (JSON) oder $name (durch Leerzeichen getrennt) veröffentlicht einen Wert aus dem Ereignis.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="46"/>
        <source>optional: published for events that do not match</source>
        <translation>optional: wird für nicht passende Ereignisse veröffentlicht</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="47"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="63"/>
        <source>Events ingested from now on that match the pattern become datapoints of the metric. Events already stored are not counted.</source>
        <translation>Ab jetzt aufgenommene Ereignisse, die zum Muster passen, werden zu Datenpunkten der Metrik. Bereits gespeicherte Ereignisse werden nicht gezählt.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="69"/>
        <source>Filter pattern</source>
        <translation>Filtermuster</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="70"/>
        <source>Filter name</source>
        <translation>Filtername</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="71"/>
        <source>Metric namespace</source>
        <translation>Metrik-Namespace</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="72"/>
        <source>Metric name</source>
        <translation>Metrikname</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="73"/>
        <source>Metric value</source>
        <translation>Metrikwert</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="74"/>
        <source>Default value</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="75"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="77"/>
        <source>Create metric filter</source>
        <translation>Metrikfilter erstellen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/createmetricfilterdialog.cpp" line="128"/>
        <source>Fill in the filter name, the metric namespace, name and value; a default value must be a number.</source>
        <translation>Geben Sie den Filternamen sowie Namespace, Namen und Wert der Metrik an; ein Standardwert muss eine Zahl sein.</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::LogEventListModel</name>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="215"/>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="217"/>
        <source>Log stream</source>
        <translation>Protokollstream</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="219"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::LogGroupListModel</name>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="34"/>
        <source>Never expire</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="35"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="35"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="81"/>
        <source>Log group</source>
        <translation>Protokollgruppe</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="83"/>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="85"/>
        <source>Stored bytes</source>
        <translation>Gespeicherte Bytes</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="87"/>
        <source>Metric filters</source>
        <translation>Metrikfilter</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="89"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::LogGroupsView</name>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="82"/>
        <source>Create metric filter...</source>
        <translation>Metrikfilter erstellen...</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="98"/>
        <source>Filter events: terms, &quot;a phrase&quot;, ?either ?or, -excluded, { $.level = &quot;ERROR&quot; }, [ip, user, status = 5*]</source>
        <translation>Ereignisse filtern: Begriffe, &quot;eine Phrase&quot;, ?entweder ?oder, -ausgeschlossen, { $.level = &quot;ERROR&quot; }, [ip, user, status = 5*]</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="125"/>
        <source>Turn the pattern in the box into a metric filter: matching events ingested from now on become datapoints of a CloudWatch metric, which alarms can watch.</source>
        <translation>Das Muster im Feld in einen Metrikfilter umwandeln: Ab jetzt aufgenommene passende Ereignisse werden zu Datenpunkten einer CloudWatch-Metrik, die Alarme überwachen können.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="186"/>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;No log groups yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Invoke a Lambda function (its logs land in /aws/lambda/&amp;lt;name&amp;gt;) or create a group with&lt;/p&gt;&lt;p&gt;&lt;code&gt;aws logs create-log-group --log-group-name /my/app --endpoint-url %1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;Noch keine Protokollgruppen&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Rufen Sie eine Lambda-Funktion auf (ihre Logs landen in /aws/lambda/&amp;lt;name&amp;gt;) oder erstellen Sie eine Gruppe mit&lt;/p&gt;&lt;p&gt;&lt;code&gt;aws logs create-log-group --log-group-name /my/app --endpoint-url %1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="294"/>
        <source>%1: %2 → %3/%4 (value %5)</source>
        <translation>%1: %2 → %3/%4 (Wert %5)</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="296"/>
        <source>every event</source>
        <translation>jedes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="302"/>
        <source>No metric filters: type a pattern above and create one to count matching events as a metric.</source>
        <translation>Keine Metrikfilter: Geben Sie oben ein Muster ein und erstellen Sie einen, um passende Ereignisse als Metrik zu zählen.</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="304"/>
        <source>Metric filters: %1</source>
        <translation>Metrikfilter: %1</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="352"/>
        <source>Events of %1, all streams</source>
        <translation>Ereignisse von %1, alle Streams</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="353"/>
        <source>Events of %1</source>
        <translation>Ereignisse von %1</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="388"/>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="388"/>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/loggroupsview.cpp" line="390"/>
        <source>%1, scroll for more</source>
        <translation>%1, für mehr scrollen</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::LogStreamListModel</name>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="143"/>
        <source>Log stream</source>
        <translation>Protokollstream</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="145"/>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/logmodels.cpp" line="147"/>
        <source>Stored bytes</source>
        <translation>Gespeicherte Bytes</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::MetricChart</name>
    <message>
        <location filename="../ui/cloudwatch/metricchart.cpp" line="144"/>
        <source>No datapoints in this time range</source>
        <translation>Keine Datenpunkte in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::MetricTreeModel</name>
    <message>
        <location filename="../ui/cloudwatch/metrictreemodel.cpp" line="89"/>
        <source>1 metric</source>
        <translation>1 Metrik</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metrictreemodel.cpp" line="89"/>
        <source>%1 metrics</source>
        <translation>%1 Metriken</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metrictreemodel.cpp" line="95"/>
        <source>Metrics with no dimensions</source>
        <translation>Metriken ohne Dimensionen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metrictreemodel.cpp" line="358"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metrictreemodel.cpp" line="360"/>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
</context>
<context>
    <name>Gui::CloudWatch::MetricsBrowser</name>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="52"/>
        <source>15m</source>
        <translation>15 Min</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="53"/>
        <source>1h</source>
        <translation>1 Std</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="54"/>
        <source>3h</source>
        <translation>3 Std</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="55"/>
        <source>12h</source>
        <translation>12 Std</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="56"/>
        <source>1d</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="57"/>
        <source>1w</source>
        <translation>1 Wo</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="146"/>
        <source>Auto refresh</source>
        <translation>Automatisch aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="147"/>
        <source>Create alarm…</source>
        <translation>Alarm erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="159"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="171"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="176"/>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="222"/>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="179"/>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="222"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="236"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="184"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="193"/>
        <source>Search metrics, namespaces and dimensions</source>
        <translation>Metriken, Namespaces und Dimensionen durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="222"/>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="364"/>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;No metrics yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Publish one with&lt;/p&gt;&lt;p&gt;&lt;code&gt;aws cloudwatch put-metric-data --namespace MyApp --metric-name Latency --value 42 --endpoint-url %1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;or use a queue, table, bucket or function: their AWS/ metrics appear here on their own.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;Noch keine Metriken&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Veröffentlichen Sie eine mit&lt;/p&gt;&lt;p&gt;&lt;code&gt;aws cloudwatch put-metric-data --namespace MyApp --metric-name Latency --value 42 --endpoint-url %1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;oder nutzen Sie eine Warteschlange, Tabelle, einen Bucket oder eine Funktion: deren AWS/-Metriken erscheinen hier von selbst.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="492"/>
        <source>&lt;b&gt;Graphed metrics (%1 of %2 ticked)&lt;/b&gt;: a graph holds at most %1 metrics</source>
        <translation>&lt;b&gt;Dargestellte Metriken (%1 von %2 ausgewählten)&lt;/b&gt;: ein Diagramm fasst höchstens %1 Metriken</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="495"/>
        <source>&lt;b&gt;Graphed metrics (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dargestellte Metriken (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="538"/>
        <source>Colour of this line in the chart</source>
        <translation>Farbe dieser Linie im Diagramm</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="543"/>
        <source>Double-click to rename this line; clear it for the default label</source>
        <translation>Doppelklick benennt diese Linie um; leeren stellt die Standardbeschriftung wieder her</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="237"/>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="574"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="575"/>
        <source>Remove this metric from the chart</source>
        <translation>Diese Metrik aus dem Diagramm entfernen</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="618"/>
        <source>Charts appear here once there are metrics</source>
        <translation>Diagramme erscheinen hier, sobald es Metriken gibt</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricsbrowser.cpp" line="619"/>
        <source>Tick one or more metrics on the left to chart them together</source>
        <translation>Haken Sie links eine oder mehrere Metriken an, um sie gemeinsam darzustellen</translation>
    </message>
</context>
<context>
    <name>Gui::CodeSnippet</name>
    <message>
        <location filename="../ui/common/codesnippet.cpp" line="32"/>
        <location filename="../ui/common/codesnippet.cpp" line="47"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/common/codesnippet.cpp" line="33"/>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/common/codesnippet.cpp" line="46"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::BackupsView</name>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="66"/>
        <source>Restore to point in time…</source>
        <translation>Auf einen Zeitpunkt wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="68"/>
        <source>Create backup…</source>
        <translation>Backup erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="69"/>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="70"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="81"/>
        <source>Backup name</source>
        <translation>Backup-Name</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="81"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="81"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="81"/>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="81"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="89"/>
        <source>Point-in-time recovery (PITR)</source>
        <translation>Zeitpunktwiederherstellung (PITR)</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="98"/>
        <source>On-demand backups</source>
        <translation>On-Demand-Backups</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="100"/>
        <source>A backup keeps the table&apos;s items and settings until you delete it, even after the table is deleted. A restore creates a new table with the keys, indexes and capacity; streams, TTL and tags have to be set again, as on AWS.</source>
        <translation>Ein Backup bewahrt die Elemente und Einstellungen der Tabelle auf, bis Sie es löschen, auch nachdem die Tabelle gelöscht wurde. Eine Wiederherstellung legt eine neue Tabelle mit den Schlüsseln, Indizes und der Kapazität an; Streams, TTL und Tags müssen wie bei AWS neu gesetzt werden.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="151"/>
        <source>Select a table to see its backups and point-in-time recovery.</source>
        <translation>Wählen Sie eine Tabelle, um ihre Backups und die Zeitpunktwiederherstellung zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="152"/>
        <location filename="../ui/dynamodb/backupsview.cpp" line="192"/>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="192"/>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="195"/>
        <source>On. Restorable to any second from %1 to %2 (the latest restorable time is about five minutes ago, as on AWS).</source>
        <translation>Ein. Wiederherstellbar auf jede Sekunde von %1 bis %2 (der späteste wiederherstellbare Zeitpunkt liegt wie bei AWS etwa fünf Minuten zurück).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dynamodb/backupsview.cpp" line="198"/>
        <source>Off. When it is on, every change is kept for %n day(s), so the table can be restored as it was at any second since.</source>
        <translation>
            <numerusform>Aus. Wenn sie eingeschaltet ist, wird jede Änderung %n Tag aufbewahrt, sodass die Tabelle auf jede Sekunde seither wiederhergestellt werden kann.</numerusform>
            <numerusform>Aus. Wenn sie eingeschaltet ist, wird jede Änderung %n Tage aufbewahrt, sodass die Tabelle auf jede Sekunde seither wiederhergestellt werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="265"/>
        <source>Created backup %1.</source>
        <translation>Backup %1 erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="276"/>
        <source>Restored backup %1 into the new table %2.</source>
        <translation>Backup %1 in die neue Tabelle %2 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="286"/>
        <source>Deleted backup %1.</source>
        <translation>Backup %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="295"/>
        <source>Point-in-time recovery is on for %1.</source>
        <translation>Die Zeitpunktwiederherstellung ist für %1 eingeschaltet.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="296"/>
        <source>Point-in-time recovery is off for %1; its history is gone.</source>
        <translation>Die Zeitpunktwiederherstellung ist für %1 ausgeschaltet; ihr Verlauf ist verworfen.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="308"/>
        <source>Restored %1 into the new table %2.</source>
        <translation>%1 in die neue Tabelle %2 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="315"/>
        <source>Create backup</source>
        <translation>Backup erstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="316"/>
        <source>Backup name (3 to 255 letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;):</source>
        <translation>Backup-Name (3 bis 255 Buchstaben, Ziffern, „_“, „-“ oder „.“):</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="331"/>
        <source>Restore backup</source>
        <translation>Backup wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="332"/>
        <source>Name of the new table:</source>
        <translation>Name der neuen Tabelle:</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="346"/>
        <source>Delete backup</source>
        <translation>Backup löschen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="347"/>
        <source>Delete the backup %1? It cannot be restored afterwards.</source>
        <translation>Das Backup %1 löschen? Es kann danach nicht mehr wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="356"/>
        <source>Restore to point in time</source>
        <translation>Auf einen Zeitpunkt wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="358"/>
        <source>Latest restorable time</source>
        <translation>Spätester wiederherstellbarer Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="370"/>
        <source>New table name</source>
        <translation>Name der neuen Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/backupsview.cpp" line="372"/>
        <source>Restore to</source>
        <translation>Wiederherstellen auf</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::CreateTableDialog</name>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="32"/>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="33"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="34"/>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="54"/>
        <source>Add global index</source>
        <translation>Globalen Index hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="55"/>
        <source>Add local index</source>
        <translation>Lokalen Index hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="58"/>
        <source>Create table</source>
        <translation>Tabelle erstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="61"/>
        <source>3-255 characters: A-Z a-z 0-9 _ - .</source>
        <translation>3–255 Zeichen: A-Z a-z 0-9 _ - .</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="62"/>
        <source>Table name</source>
        <translation>Tabellenname</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="66"/>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="68"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="71"/>
        <source>Sort key</source>
        <translation>Sortierschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="72"/>
        <source>On-demand</source>
        <translation>On-Demand</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="73"/>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="74"/>
        <source>Capacity mode</source>
        <translation>Kapazitätsmodus</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="80"/>
        <source>Read capacity units</source>
        <translation>Lesekapazitätseinheiten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="81"/>
        <source>Write capacity units</source>
        <translation>Schreibkapazitätseinheiten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="82"/>
        <source>Optional, e.g. expiresAt</source>
        <translation>Optional, z. B. expiresAt</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="83"/>
        <source>Time to Live attribute</source>
        <translation>Time-to-Live-Attribut</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="86"/>
        <source>Secondary indexes</source>
        <translation>Sekundäre Indizes</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="97"/>
        <source>Remove index</source>
        <translation>Index entfernen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/createtabledialog.cpp" line="104"/>
        <source>Up to %1 global and %2 local indexes. A local index shares the table&apos;s partition key, needs a sort key, and can only be created with the table.</source>
        <translation>Bis zu %1 globale und %2 lokale Indizes. Ein lokaler Index verwendet den Partitionsschlüssel der Tabelle, braucht einen Sortierschlüssel und kann nur zusammen mit der Tabelle angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::FilterConditionsModel</name>
    <message>
        <location filename="../ui/dynamodb/filterconditionsmodel.cpp" line="204"/>
        <source>Attribute name</source>
        <translation>Attributname</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/filterconditionsmodel.cpp" line="206"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/filterconditionsmodel.cpp" line="208"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/filterconditionsmodel.cpp" line="210"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/filterconditionsmodel.cpp" line="212"/>
        <source>And value</source>
        <translation>Und Wert</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::IndexDefinitionsModel</name>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="140"/>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="140"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="224"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="226"/>
        <source>Index name</source>
        <translation>Indexname</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="228"/>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="230"/>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="234"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="232"/>
        <source>Sort key</source>
        <translation>Sortierschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="236"/>
        <source>Projection</source>
        <translation>Projektion</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/indexdefinitionsmodel.cpp" line="238"/>
        <source>Included attributes</source>
        <translation>Enthaltene Attribute</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::ItemEditorDialog</name>
    <message>
        <location filename="../ui/dynamodb/itemeditordialog.cpp" line="29"/>
        <source>View DynamoDB JSON</source>
        <translation>DynamoDB-JSON anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/itemeditordialog.cpp" line="32"/>
        <source>Create item in %1</source>
        <translation>Element in %1 erstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/itemeditordialog.cpp" line="33"/>
        <source>Edit item in %1</source>
        <translation>Element in %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/itemeditordialog.cpp" line="36"/>
        <source>Attributes as JSON. Numbers, sets and binary values need the DynamoDB JSON view to keep their exact type.</source>
        <translation>Attribute als JSON. Zahlen, Mengen und Binärwerte behalten ihren genauen Typ nur in der DynamoDB-JSON-Ansicht.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/itemeditordialog.cpp" line="71"/>
        <source>The item is not a JSON object: %1</source>
        <translation>Das Element ist kein JSON-Objekt: %1</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::PartiqlEditor</name>
    <message>
        <location filename="../ui/dynamodb/partiqleditor.cpp" line="35"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/partiqleditor.cpp" line="81"/>
        <source>Statement completed · Items returned: %1 · Capacity units consumed: %2</source>
        <translation>Anweisung ausgeführt · Zurückgegebene Elemente: %1 · Verbrauchte Kapazitätseinheiten: %2</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::StreamRecordsView</name>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="49"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="50"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="51"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="52"/>
        <source>New image</source>
        <translation>Neues Abbild</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="53"/>
        <source>Old image</source>
        <translation>Altes Abbild</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="54"/>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="75"/>
        <source>Select a table to see the records of its stream.</source>
        <translation>Wählen Sie eine Tabelle, um die Einträge ihres Streams zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="89"/>
        <source>This table has no stream. Turn one on with UpdateTable (StreamSpecification) to record every change to its items.</source>
        <translation>Diese Tabelle hat keinen Stream. Schalten Sie einen mit UpdateTable (StreamSpecification) ein, um jede Änderung ihrer Elemente aufzuzeichnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="92"/>
        <source>%1 · %2 · %3 · newest %n record(s) first</source>
        <translation>
            <numerusform>%1 · %2 · %3 · der neueste Eintrag zuerst</numerusform>
            <numerusform>%1 · %2 · %3 · die %n neuesten Einträge, der neueste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="94"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/streamrecordsview.cpp" line="95"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::TableListModel</name>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="69"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="69"/>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="85"/>
        <source>On-demand</source>
        <translation>On-Demand</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="86"/>
        <source>Provisioned (%1 RCU, %2 WCU)</source>
        <translation>Bereitgestellt (%1 RCU, %2 WCU)</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="98"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="100"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="102"/>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="104"/>
        <source>Sort key</source>
        <translation>Sortierschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="106"/>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="108"/>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="110"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablelistmodel.cpp" line="112"/>
        <source>Capacity mode</source>
        <translation>Kapazitätsmodus</translation>
    </message>
</context>
<context>
    <name>Gui::DynamoDb::TablesPane</name>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="84"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="85"/>
        <source>DynamoDB tables on this machine. Select a table to explore its items.</source>
        <translation>DynamoDB-Tabellen auf diesem Rechner. Wählen Sie eine Tabelle aus, um ihre Elemente zu erkunden.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="87"/>
        <source>Create table</source>
        <translation>Tabelle erstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="88"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="109"/>
        <source>Explore items</source>
        <translation>Elemente erkunden</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="112"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="113"/>
        <source>PartiQL editor</source>
        <translation>PartiQL-Editor</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="116"/>
        <source>Stream records</source>
        <translation>Stream-Einträge</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="123"/>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="141"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="142"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="145"/>
        <source>Ascending</source>
        <translation>Aufsteigend</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="146"/>
        <source>Descending</source>
        <translation>Absteigend</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="148"/>
        <source>Table or index</source>
        <translation>Tabelle oder Index</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="150"/>
        <source>Sort</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="164"/>
        <source>(any)</source>
        <translation>(beliebig)</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="167"/>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="188"/>
        <source>Add filter</source>
        <translation>Filter hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="189"/>
        <source>Remove filter</source>
        <translation>Filter entfernen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="207"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="208"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="209"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="211"/>
        <source>Create item</source>
        <translation>Element erstellen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="212"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="213"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="214"/>
        <source>Delete item</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="302"/>
        <source>Table: %1</source>
        <translation>Tabelle: %1</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="304"/>
        <source>Index: %1</source>
        <translation>Index: %1</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="325"/>
        <source>%1 (partition key)</source>
        <translation>%1 (Partitionsschlüssel)</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="327"/>
        <source>%1 (sort key)</source>
        <translation>%1 (Sortierschlüssel)</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="327"/>
        <source>No sort key</source>
        <translation>Kein Sortierschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="352"/>
        <source>Enter a value for the partition key %1.</source>
        <translation>Geben Sie einen Wert für den Partitionsschlüssel %1 ein.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="480"/>
        <source>Page %1 · Items returned: %2 · Items scanned: %3 · Read capacity units consumed: %4</source>
        <translation>Seite %1 · Zurückgegebene Elemente: %2 · Gelesene Elemente: %3 · Verbrauchte Lesekapazitätseinheiten: %4</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="538"/>
        <location filename="../ui/dynamodb/tablespane.cpp" line="551"/>
        <source>Delete table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="539"/>
        <source>Delete the table %1 and all its items? This cannot be undone.</source>
        <translation>Die Tabelle %1 mit allen Elementen löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../ui/dynamodb/tablespane.cpp" line="577"/>
        <source>Duplicate item in %1</source>
        <translation>Element in %1 duplizieren</translation>
    </message>
</context>
<context>
    <name>Gui::EndpointSetupDialog</name>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="46"/>
        <source>Endpoint set-up</source>
        <translation>Endpunkt einrichten</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="48"/>
        <source>Cloudbench answers AWS API calls at &lt;b&gt;%1&lt;/b&gt;. Point your tools at it; any access key and secret are accepted, the account is 000000000000.</source>
        <translation>Cloudbench beantwortet AWS-API-Aufrufe unter &lt;b&gt;%1&lt;/b&gt;. Richten Sie Ihre Werkzeuge darauf; jeder Zugriffsschlüssel und jedes Secret wird akzeptiert, das Konto ist 000000000000.</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="60"/>
        <source>Store dummy credentials and the region once:</source>
        <translation>Einmalig Platzhalter-Zugangsdaten und die Region speichern:</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="61"/>
        <source>Point the CLI and the SDKs at Cloudbench in this shell (AWS CLI 2.13 or later, recent SDKs):</source>
        <translation>CLI und SDKs in dieser Shell auf Cloudbench richten (AWS CLI 2.13 oder neuer, aktuelle SDKs):</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="64"/>
        <source>Or name the endpoint in each command, which works with every version:</source>
        <translation>Oder den Endpunkt in jedem Befehl angeben, was mit jeder Version funktioniert:</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="68"/>
        <source>AWS CLI</source>
        <translation>AWS CLI</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="72"/>
        <source>Create clients with the endpoint URL:</source>
        <translation>Clients mit der Endpunkt-URL erzeugen:</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="74"/>
        <source>Python (boto3)</source>
        <translation>Python (boto3)</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="77"/>
        <source>Create clients with the endpoint; S3 clients also need forcePathStyle: true.</source>
        <translation>Clients mit dem Endpunkt erzeugen; S3-Clients brauchen zusätzlich forcePathStyle: true.</translation>
    </message>
    <message>
        <location filename="../ui/common/endpointsetupdialog.cpp" line="81"/>
        <source>JavaScript (SDK v3)</source>
        <translation>JavaScript (SDK v3)</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::AliasDialog</name>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="28"/>
        <source>Edit alias</source>
        <translation>Alias bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="28"/>
        <source>Create alias</source>
        <translation>Alias erstellen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="37"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="57"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="58"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="59"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="60"/>
        <source>Weighted alias: additional version</source>
        <translation>Gewichteter Alias: zusätzliche Version</translation>
    </message>
    <message>
        <location filename="../ui/lambda/aliasdialog.cpp" line="61"/>
        <source>Weight of the additional version</source>
        <translation>Gewicht der zusätzlichen Version</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::CreateFunctionDialog</name>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="24"/>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="45"/>
        <source>Create function</source>
        <translation>Funktion erstellen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="25"/>
        <source>my-function</source>
        <translation>meine-funktion</translation>
    </message>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="38"/>
        <source>Function name</source>
        <translation>Funktionsname</translation>
    </message>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="39"/>
        <source>Letters, numbers, hyphens and underscores, up to 64 characters.</source>
        <translation>Buchstaben, Ziffern, Bindestriche und Unterstriche, bis zu 64 Zeichen.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="42"/>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/lambda/createfunctiondialog.cpp" line="43"/>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::DeploymentPanel</name>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="43"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="43"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="43"/>
        <source>Weighted routing</source>
        <translation>Gewichtetes Routing</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="44"/>
        <source>SQS queue</source>
        <translation>SQS-Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="44"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="44"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="45"/>
        <source>Create alias…</source>
        <translation>Alias erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="46"/>
        <source>Edit alias…</source>
        <translation>Alias bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="47"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="48"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="54"/>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="58"/>
        <source>Triggers (event source mappings)</source>
        <translation>Auslöser (Ereignisquellen-Zuordnungen)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="120"/>
        <source>version %1: %2 %</source>
        <translation>Version %1: %2 %</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="185"/>
        <source>Alias %1 updated.</source>
        <translation>Alias %1 aktualisiert.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="186"/>
        <source>Alias %1 created.</source>
        <translation>Alias %1 erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="206"/>
        <source>Trigger enabled.</source>
        <translation>Auslöser aktiviert.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/deploymentpanel.cpp" line="206"/>
        <source>Trigger disabled.</source>
        <translation>Auslöser deaktiviert.</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::EventTemplates</name>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="22"/>
        <source>Hello world</source>
        <translation>Hallo Welt</translation>
    </message>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="27"/>
        <source>SQS message</source>
        <translation>SQS-Nachricht</translation>
    </message>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="47"/>
        <source>S3 put</source>
        <translation>S3-Put</translation>
    </message>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="63"/>
        <source>API Gateway proxy</source>
        <translation>API-Gateway-Proxy</translation>
    </message>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="74"/>
        <source>Scheduled event</source>
        <translation>Geplantes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/lambda/eventtemplates.cpp" line="85"/>
        <source>DynamoDB stream</source>
        <translation>DynamoDB-Stream</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::FunctionListModel</name>
    <message>
        <location filename="../ui/lambda/functionlistmodel.cpp" line="63"/>
        <source>Function name</source>
        <translation>Funktionsname</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionlistmodel.cpp" line="65"/>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionlistmodel.cpp" line="67"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionlistmodel.cpp" line="69"/>
        <source>Code size</source>
        <translation>Codegröße</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionlistmodel.cpp" line="71"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::FunctionUrlDialog</name>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="48"/>
        <source>Edit function URL</source>
        <translation>Funktions-URL bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="48"/>
        <source>Create function URL</source>
        <translation>Funktions-URL erstellen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="53"/>
        <source>AWS_IAM (requests must be SigV4-signed)</source>
        <translation>AWS_IAM (Anfragen müssen mit SigV4 signiert sein)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="54"/>
        <source>NONE (public, anyone can invoke)</source>
        <translation>NONE (öffentlich, jeder kann aufrufen)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="55"/>
        <source>e.g. https://example.com or *; empty: no CORS</source>
        <translation>z. B. https://example.com oder *; leer: kein CORS</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="56"/>
        <source>e.g. GET, POST or *</source>
        <translation>z. B. GET, POST oder *</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="57"/>
        <source>e.g. content-type</source>
        <translation>z. B. content-type</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="59"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="71"/>
        <source>Qualifier</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="72"/>
        <source>Auth type</source>
        <translation>Authentifizierungstyp</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="73"/>
        <source>CORS allowed origins</source>
        <translation>CORS: erlaubte Ursprünge</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="74"/>
        <source>CORS allowed methods</source>
        <translation>CORS: erlaubte Methoden</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="75"/>
        <source>CORS allowed headers</source>
        <translation>CORS: erlaubte Header</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurldialog.cpp" line="76"/>
        <source>CORS max age</source>
        <translation>CORS: maximales Alter</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::FunctionUrlPanel</name>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="48"/>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="49"/>
        <source>Create function URL…</source>
        <translation>Funktions-URL erstellen…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="50"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="51"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="142"/>
        <source>No function URL. Create one to invoke the function over HTTP.</source>
        <translation>Keine Funktions-URL. Erstellen Sie eine, um die Funktion über HTTP aufzurufen.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="148"/>
        <source>Auth type: NONE (public)</source>
        <translation>Authentifizierung: NONE (öffentlich)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="149"/>
        <source>Auth type: AWS_IAM (SigV4-signed requests only)</source>
        <translation>Authentifizierung: AWS_IAM (nur mit SigV4 signierte Anfragen)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="151"/>
        <source>CORS: off</source>
        <translation>CORS: aus</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="152"/>
        <source>CORS: origins %1</source>
        <translation>CORS: Ursprünge %1</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="153"/>
        <source>%1 · %2 · Qualifier: %3 · Invoke mode: %4</source>
        <translation>%1 · %2 · Qualifier: %3 · Aufrufmodus: %4</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="197"/>
        <source>Function URL updated.</source>
        <translation>Funktions-URL aktualisiert.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="198"/>
        <source>Function URL created: %1</source>
        <translation>Funktions-URL erstellt: %1</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="210"/>
        <source>Delete function URL</source>
        <translation>Funktions-URL löschen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="211"/>
        <source>Delete the function URL %1? Clients using it will get errors.</source>
        <translation>Die Funktions-URL %1 löschen? Clients, die sie verwenden, erhalten dann Fehler.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionurlpanel.cpp" line="229"/>
        <source>Function URL deleted.</source>
        <translation>Funktions-URL gelöscht.</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::FunctionsPane</name>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="81"/>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="82"/>
        <source>Lambda functions run here with the python3 and node of this machine.</source>
        <translation>Lambda-Funktionen laufen hier mit python3 und node dieses Rechners.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="84"/>
        <source>Create function</source>
        <translation>Funktion erstellen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="85"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="106"/>
        <location filename="../ui/lambda/functionspane.cpp" line="302"/>
        <source>Select a function to see its code, tests, monitoring and configuration.</source>
        <translation>Wählen Sie eine Funktion, um Code, Tests, Überwachung und Konfiguration zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="111"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="112"/>
        <location filename="../ui/lambda/functionspanetest.cpp" line="34"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="113"/>
        <source>Monitor</source>
        <translation>Überwachen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="114"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="156"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="157"/>
        <source>Save the file into the function&apos;s package (UpdateFunctionCode).</source>
        <translation>Die Datei im Paket der Funktion speichern (UpdateFunctionCode).</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="158"/>
        <source>Upload .zip file…</source>
        <translation>.zip-Datei hochladen…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="35"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="182"/>
        <source>Follow the log stream</source>
        <translation>Dem Protokollstream folgen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="208"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="212"/>
        <location filename="../ui/lambda/functionspane.cpp" line="219"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="221"/>
        <source>KEY=value, one per line</source>
        <translation>SCHLÜSSEL=Wert, einer pro Zeile</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="223"/>
        <source>Reserve concurrency</source>
        <translation>Gleichzeitigkeit reservieren</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="226"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="228"/>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="229"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="230"/>
        <source>Ephemeral storage</source>
        <translation>Flüchtiger Speicher</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="231"/>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="238"/>
        <source>Publish new version</source>
        <translation>Neue Version veröffentlichen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="240"/>
        <source>Function URL</source>
        <translation>Funktions-URL</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="242"/>
        <source>Versions, aliases and triggers</source>
        <translation>Versionen, Aliasse und Auslöser</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="309"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · handler %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Handler %3</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="385"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="386"/>
        <source>Versions: %1
Aliases: %2
SQS triggers: %3</source>
        <translation>Versionen: %1
Aliasse: %2
SQS-Auslöser: %3</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="401"/>
        <source>Published version %1.</source>
        <translation>Version %1 veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="431"/>
        <source>Function %1 created.</source>
        <translation>Funktion %1 erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="441"/>
        <source>Delete function</source>
        <translation>Funktion löschen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="442"/>
        <source>Delete the function %1 and all its versions?</source>
        <translation>Die Funktion %1 mit allen Versionen löschen?</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="451"/>
        <source>Function %1 deleted.</source>
        <translation>Funktion %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="468"/>
        <source>Deployed: the next invocation runs the new code.</source>
        <translation>Bereitgestellt: der nächste Aufruf führt den neuen Code aus.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="477"/>
        <source>Upload .zip file</source>
        <translation>.zip-Datei hochladen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="477"/>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-Dateien (*.zip)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="482"/>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="494"/>
        <source>Uploaded.</source>
        <translation>Hochgeladen.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspane.cpp" line="530"/>
        <source>Configuration saved.</source>
        <translation>Konfiguration gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="39"/>
        <source>No saved events</source>
        <translation>Keine gespeicherten Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="40"/>
        <source>Save event…</source>
        <translation>Ereignis speichern…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="41"/>
        <source>Save the event under a name, for this function.</source>
        <translation>Das Ereignis unter einem Namen für diese Funktion speichern.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="42"/>
        <source>Delete event</source>
        <translation>Ereignis löschen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="44"/>
        <source>Saved event</source>
        <translation>Gespeichertes Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="73"/>
        <source>Save test event</source>
        <translation>Testereignis speichern</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="74"/>
        <source>Event name (letters, digits, - and _):</source>
        <translation>Ereignisname (Buchstaben, Ziffern, - und _):</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="141"/>
        <source>Test event %1 saved.</source>
        <translation>Testereignis %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="157"/>
        <source>Test event %1 deleted.</source>
        <translation>Testereignis %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="174"/>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="189"/>
        <location filename="../ui/lambda/functionspanetest.cpp" line="210"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="195"/>
        <source>Request ID: %1
Duration: %2 ms · Billed duration: %3 ms · Max memory used: %4 MB</source>
        <translation>Anfrage-ID: %1
Dauer: %2 ms · Abgerechnete Dauer: %3 ms · Max. genutzter Speicher: %4 MB</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="202"/>
        <source> · Init duration: %1 ms (cold start)</source>
        <translation> · Init-Dauer: %1 ms (Kaltstart)</translation>
    </message>
    <message>
        <location filename="../ui/lambda/functionspanetest.cpp" line="209"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
</context>
<context>
    <name>Gui::Lambda::InvocationListModel</name>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="42"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="44"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="45"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="47"/>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="50"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="53"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="70"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="72"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="74"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="76"/>
        <source>Init duration</source>
        <translation>Init-Dauer</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="78"/>
        <source>Max memory</source>
        <translation>Max. Speicher</translation>
    </message>
    <message>
        <location filename="../ui/lambda/invocationlistmodel.cpp" line="80"/>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="66"/>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="72"/>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="88"/>
        <source>Object storage: buckets holding files of any size, addressed by key.</source>
        <translation>Objektspeicher: Buckets mit Dateien beliebiger Größe, adressiert über einen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="90"/>
        <source>Create and delete buckets, and browse their objects by prefix like folders</source>
        <translation>Buckets anlegen und löschen und ihre Objekte nach Präfix wie Ordner durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Upload, download and delete objects, and read their metadata</source>
        <translation>Objekte hoch- und herunterladen, löschen und ihre Metadaten lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>See objects written by the CLI or your code the moment they land</source>
        <translation>Objekte sehen, sobald die CLI oder Ihr Code sie schreibt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>Message queues that decouple the parts of an application.</source>
        <translation>Nachrichtenwarteschlangen, die die Teile einer Anwendung entkoppeln.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <source>Create standard and FIFO queues and edit their attributes</source>
        <translation>Standard- und FIFO-Warteschlangen anlegen und ihre Attribute bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>Send messages, and peek at them without consuming them</source>
        <translation>Nachrichten senden und ansehen, ohne sie zu verbrauchen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <source>Watch visibility timeouts and dead-letter queues at work</source>
        <translation>Sichtbarkeits-Timeouts und Dead-Letter-Warteschlangen bei der Arbeit beobachten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>A key-value and document database with single-digit millisecond reads.</source>
        <translation>Eine Schlüssel-Wert- und Dokumentdatenbank mit Lesezugriffen im einstelligen Millisekundenbereich.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>Create tables with a partition key and an optional sort key</source>
        <translation>Tabellen mit einem Partitionsschlüssel und optionalem Sortierschlüssel anlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="110"/>
        <source>Scan and query items, and edit them as JSON</source>
        <translation>Elemente scannen und abfragen und als JSON bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="111"/>
        <source>Follow item counts as your code writes</source>
        <translation>Die Anzahl der Elemente verfolgen, während Ihr Code schreibt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Functions that run your code on demand, without servers.</source>
        <translation>Funktionen, die Ihren Code bei Bedarf ausführen, ohne Server.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="117"/>
        <source>Create Python and Node.js functions from a handler file</source>
        <translation>Python- und Node.js-Funktionen aus einer Handler-Datei anlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118"/>
        <source>Invoke them with a test event and read the result and the logs</source>
        <translation>Sie mit einem Testereignis aufrufen und Ergebnis und Logs lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>Run them with this machine&apos;s python3 and node, offline</source>
        <translation>Sie offline mit python3 und node dieses Rechners ausführen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Metrics, alarms and logs for everything your application does.</source>
        <translation>Metriken, Alarme und Logs für alles, was Ihre Anwendung tut.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Chart the metrics your code sends with PutMetricData</source>
        <translation>Die Metriken, die Ihr Code mit PutMetricData sendet, als Diagramm darstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Create alarms and watch them change state</source>
        <translation>Alarme anlegen und ihre Zustandswechsel beobachten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <source>Browse log groups and read their log streams</source>
        <translation>Log-Gruppen durchsuchen und ihre Log-Streams lesen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>Cloudbench</source>
        <translation>Cloudbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205"/>
        <source>Offline AWS console</source>
        <translation>Offline-AWS-Konsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="235"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="259"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="260"/>
        <source>&amp;Open State Folder</source>
        <translation>Zustandsordner ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="261"/>
        <source>Show the folder holding the database and objects</source>
        <translation>Den Ordner mit der Datenbank und den Objekten anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="269"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="287"/>
        <source>&amp;Endpoint Set-up…</source>
        <translation>&amp;Endpunkt einrichten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>&amp;About Cloudbench</source>
        <translation>Ü&amp;ber Cloudbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="293"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>Endpoint URL; click to copy it</source>
        <translation>Endpunkt-URL; zum Kopieren klicken</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="325"/>
        <source>State folder %1; click to open it</source>
        <translation>Zustandsordner %1; zum Öffnen klicken</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="335"/>
        <source>Default region</source>
        <translation>Standardregion</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Requests answered per second, over the last five seconds</source>
        <translation>Beantwortete Anfragen pro Sekunde, über die letzten fünf Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="379"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="415"/>
        <source>%1 — Cloudbench</source>
        <translation>%1 — Cloudbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="432"/>
        <source>Copied to the clipboard</source>
        <translation>In die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="450"/>
        <source>About Cloudbench</source>
        <translation>Über Cloudbench</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="451"/>
        <source>&lt;h3&gt;Cloudbench %1&lt;/h3&gt;&lt;p&gt;An AWS console that works offline. Cloudbench emulates S3, SQS, DynamoDB, Lambda and CloudWatch on this machine, keeps their state in one folder, and serves them on an AWS-compatible endpoint for the AWS CLI and SDKs.&lt;/p&gt;&lt;p&gt;Endpoint: %2&lt;br&gt;State folder: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cloudbench %1&lt;/h3&gt;&lt;p&gt;Eine AWS-Konsole, die offline funktioniert. Cloudbench emuliert S3, SQS, DynamoDB, Lambda und CloudWatch auf diesem Rechner, hält ihren Zustand in einem Ordner und stellt sie über einen AWS-kompatiblen Endpunkt für die AWS CLI und die SDKs bereit.&lt;/p&gt;&lt;p&gt;Endpunkt: %2&lt;br&gt;Zustandsordner: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="463"/>
        <source>%1 requests/s</source>
        <translation>%1 Anfragen/s</translation>
    </message>
</context>
<context>
    <name>Gui::PlaceholderPane</name>
    <message>
        <location filename="../ui/common/placeholderpane.cpp" line="36"/>
        <source>%1 is not available in this version yet</source>
        <translation>%1 ist in dieser Version noch nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/common/placeholderpane.cpp" line="52"/>
        <source>When it arrives, this pane will let you:</source>
        <translation>Sobald es so weit ist, können Sie hier:</translation>
    </message>
    <message>
        <location filename="../ui/common/placeholderpane.cpp" line="57"/>
        <source>Until then, the endpoint answers every %1 operation with HTTP 501 NotImplemented, so clients fail fast with a clear error instead of hanging. Each such request still shows up in Activity.</source>
        <translation>Bis dahin beantwortet der Endpunkt jede %1-Operation mit HTTP 501 NotImplemented, sodass Clients mit einem klaren Fehler sofort abbrechen, statt zu hängen. Jede solche Anfrage erscheint trotzdem unter Aktivität.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::BucketListModel</name>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="80"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="82"/>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="84"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="102"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="104"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="106"/>
        <source>Creation date</source>
        <translation>Erstellungsdatum</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="108"/>
        <source>Versioning</source>
        <translation>Versionsverwaltung</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="110"/>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketlistmodel.cpp" line="112"/>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
</context>
<context>
    <name>Gui::S3::BucketPropertiesDialog</name>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="79"/>
        <source>Bucket properties: %1</source>
        <translation>Bucket-Eigenschaften: %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="81"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="82"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="83"/>
        <source>Suspended</source>
        <translation>Ausgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="84"/>
        <source>One tag per line: key=value</source>
        <translation>Ein Tag pro Zeile: Schlüssel=Wert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="106"/>
        <source>Bucket ARN</source>
        <translation>Bucket-ARN</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="107"/>
        <source>Versioning</source>
        <translation>Versionsverwaltung</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="108"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="111"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="112"/>
        <source>Prefix of the log objects, e.g. logs/</source>
        <translation>Präfix der Protokollobjekte, z. B. logs/</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="116"/>
        <source>Server access logging</source>
        <translation>Serverzugriffsprotokollierung</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="117"/>
        <source>Each request to this bucket becomes a line in a log object in the target bucket, delivered within seconds (AWS takes up to a few hours).</source>
        <translation>Jede Anfrage an diesen Bucket wird zu einer Zeile in einem Protokollobjekt im Ziel-Bucket, zugestellt innerhalb von Sekunden (AWS braucht bis zu einigen Stunden).</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="123"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="130"/>
        <source>Default encryption</source>
        <translation>Standardverschlüsselung</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="131"/>
        <source>Object Ownership</source>
        <translation>Objekteigentümerschaft</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="132"/>
        <source>Block public access</source>
        <translation>Öffentlichen Zugriff blockieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="133"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="135"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="136"/>
        <source>Bucket policy</source>
        <translation>Bucket-Richtlinie</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="137"/>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="138"/>
        <source>Static website hosting</source>
        <translation>Hosting statischer Websites</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="139"/>
        <source>Replication rules</source>
        <translation>Replikationsregeln</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="150"/>
        <source>arn:aws:sqs:us-east-1:000000000000:queue or a Lambda function ARN</source>
        <translation>arn:aws:sqs:us-east-1:000000000000:queue oder die ARN einer Lambda-Funktion</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="151"/>
        <source>prefix, e.g. images/</source>
        <translation>Präfix, z. B. images/</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="152"/>
        <source>suffix, e.g. .jpg</source>
        <translation>Suffix, z. B. .jpg</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="153"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="156"/>
        <source>Send</source>
        <translation>Sende</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="158"/>
        <source>for keys with</source>
        <translation>für Schlüssel mit</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="162"/>
        <source>to</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="169"/>
        <source>Event notifications</source>
        <translation>Ereignisbenachrichtigungen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="261"/>
        <source>No event notifications are configured.</source>
        <translation>Es sind keine Ereignisbenachrichtigungen konfiguriert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="265"/>
        <source>SQS queue</source>
        <translation>SQS-Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="266"/>
        <source>Lambda function</source>
        <translation>Lambda-Funktion</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="266"/>
        <source>SNS topic</source>
        <translation>SNS-Thema</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="267"/>
        <source>&quot;%1&quot;: %2 events to the %3 %4</source>
        <translation>„%1“: %2-Ereignisse an %3 %4</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="273"/>
        <source>suffix &quot;%1&quot;</source>
        <translation>Suffix „%1“</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="275"/>
        <source>for keys with %1</source>
        <translation>für Schlüssel mit %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="280"/>
        <source>Amazon EventBridge is enabled (Cloudbench does not emulate EventBridge, so nothing is delivered there).</source>
        <translation>Amazon EventBridge ist aktiviert (Cloudbench emuliert EventBridge nicht, dorthin wird also nichts zugestellt).</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="288"/>
        <source>All object create events</source>
        <translation>Alle Ereignisse zum Erstellen von Objekten</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="289"/>
        <source>Put</source>
        <translation>Put</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="290"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="291"/>
        <source>Multipart upload completed</source>
        <translation>Mehrteiliger Upload abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="292"/>
        <source>All object removal events</source>
        <translation>Alle Ereignisse zum Entfernen von Objekten</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="293"/>
        <source>Permanently deleted</source>
        <translation>Endgültig gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="294"/>
        <source>Delete marker created</source>
        <translation>Löschmarkierung erstellt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="295"/>
        <source>All restore events</source>
        <translation>Alle Wiederherstellungsereignisse</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="296"/>
        <source>Restore completed</source>
        <translation>Wiederherstellung abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="297"/>
        <source>Object tagging</source>
        <translation>Objekt-Tagging</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="298"/>
        <source>Lifecycle expiration</source>
        <translation>Lebenszyklus-Ablauf</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="299"/>
        <source>Lifecycle transition</source>
        <translation>Lebenszyklus-Übergang</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="315"/>
        <source>Enter the ARN of an SQS queue, a Lambda function or an SNS topic.</source>
        <translation>Geben Sie die ARN einer SQS-Warteschlange, einer Lambda-Funktion oder eines SNS-Themas ein.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="322"/>
        <source>The configuration below is not valid: %1</source>
        <translation>Die Konfiguration unten ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="359"/>
        <source>Added. Save stores the configuration; S3 then checks that the destination exists and allows it.</source>
        <translation>Hinzugefügt. Speichern legt die Konfiguration ab; S3 prüft dann, ob das Ziel existiert und es zulässt.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="373"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="385"/>
        <source>The policy is not valid JSON: %1 (at character %2).</source>
        <translation>Die Richtlinie ist kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="389"/>
        <source>A bucket policy is a JSON object with a &quot;Statement&quot;.</source>
        <translation>Eine Bucket-Richtlinie ist ein JSON-Objekt mit einem „Statement“.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="408"/>
        <source>Server-side encryption with Amazon S3 managed keys (SSE-S3, AES256)</source>
        <translation>Serverseitige Verschlüsselung mit von Amazon S3 verwalteten Schlüsseln (SSE-S3, AES256)</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="409"/>
        <source>Server-side encryption with AWS KMS keys (%1)</source>
        <translation>Serverseitige Verschlüsselung mit AWS-KMS-Schlüsseln (%1)</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="411"/>
        <source>KMS key: %1</source>
        <translation>KMS-Schlüssel: %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="413"/>
        <source>Bucket Key enabled</source>
        <translation>Bucket-Schlüssel aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="420"/>
        <source>Object writer: ACLs enabled, the uploading account owns each object</source>
        <translation>Objektschreiber: ACLs aktiviert, das hochladende Konto besitzt jedes Objekt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="422"/>
        <source>Bucket owner preferred: ACLs enabled</source>
        <translation>Bucket-Eigentümer bevorzugt: ACLs aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="423"/>
        <source>Bucket owner enforced: ACLs disabled, the bucket owner owns every object</source>
        <translation>Bucket-Eigentümer erzwungen: ACLs deaktiviert, der Bucket-Eigentümer besitzt jedes Objekt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="430"/>
        <source>Off: no public access block is configured</source>
        <translation>Aus: keine Sperre für öffentlichen Zugriff konfiguriert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="434"/>
        <source>On: all public access is blocked</source>
        <translation>Ein: jeder öffentliche Zugriff ist blockiert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="437"/>
        <source>block new public ACLs</source>
        <translation>neue öffentliche ACLs blockieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="439"/>
        <source>ignore public ACLs</source>
        <translation>öffentliche ACLs ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="441"/>
        <source>block new public bucket policies</source>
        <translation>neue öffentliche Bucket-Richtlinien blockieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="443"/>
        <source>restrict public buckets</source>
        <translation>öffentliche Buckets einschränken</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="444"/>
        <source>Off: every setting is cleared</source>
        <translation>Aus: jede Einstellung ist deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="445"/>
        <source>Partly on: %1</source>
        <translation>Teilweise ein: %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="451"/>
        <source>No lifecycle rules are configured.</source>
        <translation>Es sind keine Lebenszyklusregeln konfiguriert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="455"/>
        <source>Rule &quot;%1&quot; (%2)</source>
        <translation>Regel „%1“ (%2)</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="456"/>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="457"/>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="457"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="271"/>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="460"/>
        <source>prefix &quot;%1&quot;</source>
        <translation>Präfix „%1“</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="86"/>
        <source>No event notifications are configured. Add one with the rows above, or paste a configuration such as:

&lt;NotificationConfiguration&gt;
  &lt;QueueConfiguration&gt;
    &lt;Queue&gt;arn:aws:sqs:us-east-1:000000000000:my-queue&lt;/Queue&gt;
    &lt;Event&gt;s3:ObjectCreated:*&lt;/Event&gt;
  &lt;/QueueConfiguration&gt;
&lt;/NotificationConfiguration&gt;

The queue&apos;s policy (or the function&apos;s permission) must allow the service principal s3.amazonaws.com, as on AWS.</source>
        <translation>Es sind keine Ereignisbenachrichtigungen konfiguriert. Fügen Sie eine mit den Zeilen oben hinzu oder fügen Sie eine Konfiguration wie diese ein:

&lt;NotificationConfiguration&gt;
  &lt;QueueConfiguration&gt;
    &lt;Queue&gt;arn:aws:sqs:us-east-1:000000000000:my-queue&lt;/Queue&gt;
    &lt;Event&gt;s3:ObjectCreated:*&lt;/Event&gt;
  &lt;/QueueConfiguration&gt;
&lt;/NotificationConfiguration&gt;

Die Richtlinie der Warteschlange (oder die Berechtigung der Funktion) muss den Dienstprinzipal s3.amazonaws.com zulassen, wie bei AWS.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="462"/>
        <source>tag %1=%2</source>
        <translation>Tag %1=%2</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="464"/>
        <source>larger than %1 bytes</source>
        <translation>größer als %1 Bytes</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="466"/>
        <source>smaller than %1 bytes</source>
        <translation>kleiner als %1 Bytes</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="467"/>
        <source>  Applies to every object</source>
        <translation>  Gilt für jedes Objekt</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="468"/>
        <source>  Applies to objects with %1</source>
        <translation>  Gilt für Objekte mit %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="471"/>
        <source>  Move to %1 %n day(s) after creation</source>
        <translation>
            <numerusform>  %n Tag nach der Erstellung nach %1 verschieben</numerusform>
            <numerusform>  %n Tage nach der Erstellung nach %1 verschieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="473"/>
        <source>  Move to %1 on a set date</source>
        <translation>  An einem festen Datum nach %1 verschieben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="475"/>
        <source>  Move noncurrent versions to %1 %n day(s) after they become noncurrent</source>
        <translation>
            <numerusform>  Nicht aktuelle Versionen %n Tag, nachdem sie nicht mehr aktuell sind, nach %1 verschieben</numerusform>
            <numerusform>  Nicht aktuelle Versionen %n Tage, nachdem sie nicht mehr aktuell sind, nach %1 verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="481"/>
        <source>  Expire current versions %n day(s) after creation</source>
        <translation>
            <numerusform>  Aktuelle Versionen %n Tag nach der Erstellung ablaufen lassen</numerusform>
            <numerusform>  Aktuelle Versionen %n Tage nach der Erstellung ablaufen lassen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="486"/>
        <source>  Expire current versions on %1</source>
        <translation>  Aktuelle Versionen am %1 ablaufen lassen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="491"/>
        <source>  Remove expired delete markers</source>
        <translation>  Abgelaufene Löschmarkierungen entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="493"/>
        <source>  Delete noncurrent versions %n day(s) after they become noncurrent</source>
        <translation>
            <numerusform>  Nicht aktuelle Versionen %n Tag, nachdem sie nicht mehr aktuell sind, löschen</numerusform>
            <numerusform>  Nicht aktuelle Versionen %n Tage, nachdem sie nicht mehr aktuell sind, löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="497"/>
        <source>  Abort incomplete multipart uploads %n day(s) after they start</source>
        <translation>
            <numerusform>  Unvollständige mehrteilige Uploads %n Tag nach dem Start abbrechen</numerusform>
            <numerusform>  Unvollständige mehrteilige Uploads %n Tage nach dem Start abbrechen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketpropertiesdialog.cpp" line="513"/>
        <source>Write each tag as key=value on its own line.</source>
        <translation>Schreiben Sie jedes Tag als Schlüssel=Wert in eine eigene Zeile.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::BucketsPane</name>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="70"/>
        <source>Show versions</source>
        <translation>Versionen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="71"/>
        <location filename="../ui/s3/bucketspane.cpp" line="127"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="72"/>
        <source>Empty</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="73"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="75"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="99"/>
        <location filename="../ui/s3/bucketspane.cpp" line="287"/>
        <source>Create bucket</source>
        <translation>Bucket erstellen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="102"/>
        <source>&lt;b&gt;General purpose buckets&lt;/b&gt;</source>
        <translation>&lt;b&gt;Allzweck-Buckets&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="113"/>
        <source>Find objects by prefix</source>
        <translation>Objekte nach Präfix suchen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="124"/>
        <source>Upload…</source>
        <translation>Hochladen …</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="125"/>
        <location filename="../ui/s3/bucketspane.cpp" line="389"/>
        <source>Create folder</source>
        <translation>Ordner erstellen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="126"/>
        <source>Download…</source>
        <translation>Herunterladen …</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="128"/>
        <source>Copy S3 URI</source>
        <translation>S3-URI kopieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="129"/>
        <source>Presigned URL…</source>
        <translation>Vorsignierte URL …</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="130"/>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="131"/>
        <source>Restore an archived (GLACIER or DEEP_ARCHIVE) object</source>
        <translation>Ein archiviertes Objekt (GLACIER oder DEEP_ARCHIVE) wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="132"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="159"/>
        <source>Buckets</source>
        <translation>Buckets</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="160"/>
        <source>Amazon S3 buckets and objects on this endpoint. Changes made with the CLI or an SDK appear here at once.</source>
        <translation>Amazon-S3-Buckets und -Objekte auf diesem Endpunkt. Änderungen über die CLI oder ein SDK erscheinen hier sofort.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="224"/>
        <source>Select a bucket to browse its objects.</source>
        <translation>Wählen Sie einen Bucket, um seine Objekte zu durchsuchen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="290"/>
        <source>Created bucket %1.</source>
        <translation>Bucket %1 erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="302"/>
        <source>Empty bucket</source>
        <translation>Bucket leeren</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="303"/>
        <source>Emptying the bucket deletes all objects, versions and delete markers in %1 and cannot be undone.
Type &quot;permanently delete&quot; to confirm.</source>
        <translation>Das Leeren löscht alle Objekte, Versionen und Löschmarkierungen in %1 und kann nicht rückgängig gemacht werden.
Geben Sie „endgültig löschen“ ein, um zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="309"/>
        <source>permanently delete</source>
        <translation>endgültig löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/bucketspane.cpp" line="320"/>
        <source>Emptied bucket %1 except %n object version(s) under Object Lock (retention or legal hold), which cannot be deleted yet.</source>
        <translation>
            <numerusform>Bucket %1 geleert, außer %n Objektversion unter Object Lock (Aufbewahrung oder gesetzliche Aufbewahrungspflicht), die noch nicht gelöscht werden kann.</numerusform>
            <numerusform>Bucket %1 geleert, außer %n Objektversionen unter Object Lock (Aufbewahrung oder gesetzliche Aufbewahrungspflicht), die noch nicht gelöscht werden können.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="326"/>
        <source>Emptied bucket %1.</source>
        <translation>Bucket %1 geleert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="340"/>
        <location filename="../ui/s3/bucketspane.cpp" line="347"/>
        <location filename="../ui/s3/bucketspane.cpp" line="358"/>
        <source>Delete bucket</source>
        <translation>Bucket löschen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="341"/>
        <source>The bucket %1 is not empty. AWS only deletes empty buckets.
Empty it first?</source>
        <translation>Der Bucket %1 ist nicht leer. AWS löscht nur leere Buckets.
Zuerst leeren?</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="347"/>
        <source>Delete the bucket %1?</source>
        <translation>Den Bucket %1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="364"/>
        <source>Deleted bucket %1.</source>
        <translation>Bucket %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="389"/>
        <source>Folder name</source>
        <translation>Ordnername</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="408"/>
        <source>Created folder %1.</source>
        <translation>Ordner %1 erstellt.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="416"/>
        <source>Upload files</source>
        <translation>Dateien hochladen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="451"/>
        <source>Uploading %1…</source>
        <translation>%1 wird hochgeladen …</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="451"/>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="464"/>
        <source>Uploaded %1.</source>
        <translation>%1 hochgeladen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="464"/>
        <source>Downloaded %1.</source>
        <translation>%1 heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="466"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="503"/>
        <source>Download object</source>
        <translation>Objekt herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="523"/>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="524"/>
        <source>Permanently delete version %1 of %2?</source>
        <translation>Version %1 von %2 endgültig löschen?</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="525"/>
        <source>Delete object</source>
        <translation>Objekt löschen</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="537"/>
        <source>Deleted %1 (a delete marker was added).</source>
        <translation>%1 gelöscht (eine Löschmarkierung wurde hinzugefügt).</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="539"/>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="551"/>
        <source>Copied %1.</source>
        <translation>%1 kopiert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="561"/>
        <location filename="../ui/s3/bucketspane.cpp" line="584"/>
        <source>Presigned URL</source>
        <translation>Vorsignierte URL</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="562"/>
        <source>Expires in (seconds, at most 7 days):</source>
        <translation>Läuft ab in (Sekunden, höchstens 7 Tage):</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="582"/>
        <source>Copied a presigned URL to the clipboard.</source>
        <translation>Eine vorsignierte URL wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="584"/>
        <source>Copied to the clipboard:</source>
        <translation>In die Zwischenablage kopiert:</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="614"/>
        <source>Cannot restore %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="622"/>
        <source>Restoring %1: readable from %2 until %3.</source>
        <translation>%1 wird wiederhergestellt: lesbar von %2 bis %3.</translation>
    </message>
    <message>
        <location filename="../ui/s3/bucketspane.cpp" line="627"/>
        <source>%1 is restored: readable until %2.</source>
        <translation>%1 ist wiederhergestellt: lesbar bis %2.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::CreateBucketDialog</name>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="23"/>
        <source>Enable bucket versioning</source>
        <translation>Bucket-Versionsverwaltung aktivieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="27"/>
        <location filename="../ui/s3/createbucketdialog.cpp" line="40"/>
        <source>Create bucket</source>
        <translation>Bucket erstellen</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="28"/>
        <source>my-bucket-name</source>
        <translation>mein-bucket-name</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="42"/>
        <source>Bucket name</source>
        <translation>Bucket-Name</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="44"/>
        <source>AWS Region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="73"/>
        <source>Bucket names must be between 3 and 63 characters long.</source>
        <translation>Bucket-Namen müssen zwischen 3 und 63 Zeichen lang sein.</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="76"/>
        <source>Bucket names can contain only lower-case letters, numbers, dots and hyphens.</source>
        <translation>Bucket-Namen dürfen nur Kleinbuchstaben, Ziffern, Punkte und Bindestriche enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="77"/>
        <source>Bucket names must begin and end with a letter or number, must not contain two adjacent dots, must not look like an IP address and must not use a reserved prefix or suffix.</source>
        <translation>Bucket-Namen müssen mit einem Buchstaben oder einer Ziffer beginnen und enden, dürfen keine zwei aufeinanderfolgenden Punkte enthalten, nicht wie eine IP-Adresse aussehen und kein reserviertes Präfix oder Suffix verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/s3/createbucketdialog.cpp" line="85"/>
        <source>Bucket names are unique and cannot be changed later.</source>
        <translation>Bucket-Namen sind eindeutig und können später nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::ObjectDetailsDialog</name>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="60"/>
        <source>Object: %1</source>
        <translation>Objekt: %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="65"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="77"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="83"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="168"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="169"/>
        <source>S3 URI</source>
        <translation>S3-URI</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="170"/>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="171"/>
        <source>Version ID</source>
        <translation>Versions-ID</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="172"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="173"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="175"/>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="176"/>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="178"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="205"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="224"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="228"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="180"/>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="183"/>
        <source>Replication status</source>
        <translation>Replikationsstatus</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="191"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="194"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="198"/>
        <source>Restore status</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="191"/>
        <source>Archived: restore the object (RestoreObject) to read it</source>
        <translation>Archiviert: Objekt wiederherstellen (RestoreObject), um es zu lesen</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="195"/>
        <source>Restore in progress: readable from %1</source>
        <translation>Wiederherstellung läuft: lesbar ab %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="199"/>
        <source>Restored copy readable until %1</source>
        <translation>Wiederhergestellte Kopie lesbar bis %1</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="205"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="207"/>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="210"/>
        <source>Object Lock retention</source>
        <translation>Objektsperre: Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="208"/>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="211"/>
        <source>%1, ended %2</source>
        <translation>%1, abgelaufen am %2</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="212"/>
        <source>Legal hold</source>
        <translation>Rechtliche Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="212"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="212"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="214"/>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="216"/>
        <source>Content-Encoding</source>
        <translation>Content-Encoding</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="218"/>
        <source>Cache-Control</source>
        <translation>Cache-Control</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="220"/>
        <source>Content-Disposition</source>
        <translation>Content-Disposition</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="224"/>
        <source>User metadata</source>
        <translation>Benutzerdefinierte Metadaten</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="228"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="232"/>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="233"/>
        <source>delete marker</source>
        <translation>Löschmarkierung</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="235"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="239"/>
        <source>This object is archived in %1: its bytes can be read once a restore has finished.</source>
        <translation>Dieses Objekt ist in %1 archiviert: Sein Inhalt ist lesbar, sobald eine Wiederherstellung abgeschlossen ist.</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectdetailsdialog.cpp" line="251"/>
        <source>No preview is available for this object.</source>
        <translation>Für dieses Objekt ist keine Vorschau verfügbar.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::ObjectListModel</name>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="79"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="81"/>
        <source>Delete marker</source>
        <translation>Löschmarkierung</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="96"/>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="108"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="110"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="112"/>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="114"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="116"/>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <location filename="../ui/s3/objectlistmodel.cpp" line="118"/>
        <source>Version ID</source>
        <translation>Versions-ID</translation>
    </message>
</context>
<context>
    <name>Gui::S3::ObjectTransfer</name>
    <message>
        <location filename="../ui/s3/objecttransfer.cpp" line="63"/>
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/s3/objecttransfer.cpp" line="72"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/objecttransfer.cpp" line="78"/>
        <source>Cannot copy %1.</source>
        <translation>%1 kann nicht kopiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/s3/objecttransfer.cpp" line="108"/>
        <source>Cannot create a staging file.</source>
        <translation>Es kann keine Zwischendatei angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/s3/objecttransfer.cpp" line="140"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::ReplicationTab</name>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="28"/>
        <source>Replicate delete markers</source>
        <translation>Löschmarkierungen replizieren</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="29"/>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="30"/>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="42"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="43"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="44"/>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="45"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="46"/>
        <location filename="../ui/s3/replicationtab.cpp" line="82"/>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="47"/>
        <source>Delete markers</source>
        <translation>Löschmarkierungen</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="54"/>
        <source>Rule name, e.g. to-backup</source>
        <translation>Regelname, z. B. to-backup</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="55"/>
        <source>Prefix (empty: every object)</source>
        <translation>Präfix (leer: jedes Objekt)</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="56"/>
        <location filename="../ui/s3/replicationtab.cpp" line="216"/>
        <source>Same as source</source>
        <translation>Wie die Quelle</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="69"/>
        <source>Replication copies each new object version to the destination bucket a moment after it is written: same key, version ID, metadata and tags. The source shows PENDING, then COMPLETED (or FAILED); the copy shows REPLICA. Both buckets need versioning enabled. Objects written before the rule, deletions of a specific version, and replicas themselves are not replicated.</source>
        <translation>Die Replikation kopiert jede neue Objektversion kurz nach dem Schreiben in den Ziel-Bucket: gleicher Schlüssel, gleiche Versions-ID, Metadaten und Tags. Die Quelle zeigt PENDING, dann COMPLETED (oder FAILED); die Kopie zeigt REPLICA. Beide Buckets brauchen aktivierte Versionierung. Objekte, die vor der Regel geschrieben wurden, das Löschen einer bestimmten Version und Replikate selbst werden nicht repliziert.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="79"/>
        <source>to</source>
        <translation>nach</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="116"/>
        <source>Create another bucket (with versioning enabled) to replicate to.</source>
        <translation>Legen Sie einen weiteren Bucket (mit aktivierter Versionierung) als Replikationsziel an.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="140"/>
        <source>The existing rules use the first replication schema (set through the API); remove them before adding rules here.</source>
        <translation>Die vorhandenen Regeln verwenden das erste Replikationsschema (über die API gesetzt); entfernen Sie sie, bevor Sie hier Regeln hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="169"/>
        <source>Enter a name for the rule.</source>
        <translation>Geben Sie einen Namen für die Regel ein.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="181"/>
        <source>Added. Save applies the rules; S3 then checks that both buckets have versioning enabled.</source>
        <translation>Hinzugefügt. Speichern wendet die Regeln an; S3 prüft dann, ob beide Buckets die Versionierung aktiviert haben.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="195"/>
        <source>Removed. Save applies the change.</source>
        <translation>Entfernt. Speichern wendet die Änderung an.</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="209"/>
        <source>prefix &quot;%1&quot;</source>
        <translation>Präfix „%1“</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="211"/>
        <source>tag %1=%2</source>
        <translation>Tag %1=%2</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="213"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="213"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="214"/>
        <source>Entire bucket</source>
        <translation>Gesamter Bucket</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="217"/>
        <source>Replicated</source>
        <translation>Repliziert</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="217"/>
        <source>Not replicated</source>
        <translation>Nicht repliziert</translation>
    </message>
    <message>
        <location filename="../ui/s3/replicationtab.cpp" line="223"/>
        <source>No replication rules: objects stay in this bucket only.</source>
        <translation>Keine Replikationsregeln: Objekte bleiben nur in diesem Bucket.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::RestoreObjectDialog</name>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="26"/>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="30"/>
        <source> day(s)</source>
        <translation> Tag(e)</translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="36"/>
        <source>Storage class</source>
        <translation>Speicherklasse</translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="37"/>
        <source>Keep the restored copy for</source>
        <translation>Wiederhergestellte Kopie behalten für</translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="38"/>
        <source>Retrieval tier</source>
        <translation>Abrufstufe</translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="40"/>
        <source>Initiate restore</source>
        <translation>Wiederherstellung starten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="79"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="80"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/restoreobjectdialog.cpp" line="81"/>
        <source>The object becomes readable %1 after the restore starts (by the engine&apos;s clock), and stays readable for the days above.</source>
        <translation>Das Objekt wird %1 nach dem Start der Wiederherstellung lesbar (nach der Uhr der Engine) und bleibt für die oben angegebenen Tage lesbar.</translation>
    </message>
</context>
<context>
    <name>Gui::S3::WebsiteHostingTab</name>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="18"/>
        <source>Use this bucket to host a website</source>
        <translation>Diesen Bucket zum Hosten einer Website verwenden</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="30"/>
        <source>error.html (optional)</source>
        <translation>error.html (optional)</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="40"/>
        <source>Static website hosting</source>
        <translation>Hosting statischer Websites</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="41"/>
        <source>Index document</source>
        <translation>Indexdokument</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="42"/>
        <source>Error document</source>
        <translation>Fehlerdokument</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="43"/>
        <source>Bucket website endpoint</source>
        <translation>Website-Endpunkt des Buckets</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="89"/>
        <source>Enter an index document, such as index.html.</source>
        <translation>Geben Sie ein Indexdokument an, zum Beispiel index.html.</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="91"/>
        <source>The index document is a name such as index.html, without &apos;/&apos;.</source>
        <translation>Das Indexdokument ist ein Name wie index.html, ohne &apos;/&apos;.</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="105"/>
        <source>Every request is redirected to %1 (RedirectAllRequestsTo).</source>
        <translation>Jede Anfrage wird an %1 umgeleitet (RedirectAllRequestsTo).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/s3/websitehostingtab.cpp" line="109"/>
        <source>%n redirection rule(s) set through the API are kept.</source>
        <translation>
            <numerusform>%n über die API gesetzte Umleitungsregel bleibt erhalten.</numerusform>
            <numerusform>%n über die API gesetzte Umleitungsregeln bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="114"/>
        <source>Visitors are anonymous: turn off Block Public Access and add a bucket policy that allows s3:GetObject to Principal &quot;*&quot;, or they get 403 Forbidden.</source>
        <translation>Besucher sind anonym: Schalten Sie „Öffentlichen Zugriff blockieren“ aus und fügen Sie eine Bucket-Richtlinie hinzu, die s3:GetObject für den Principal &quot;*&quot; erlaubt, sonst erhalten sie 403 Forbidden.</translation>
    </message>
    <message>
        <location filename="../ui/s3/websitehostingtab.cpp" line="118"/>
        <source>Static website hosting is off. When it is on, the bucket&apos;s objects are served to browsers at the endpoint above.</source>
        <translation>Das Hosting statischer Websites ist aus. Ist es an, werden die Objekte des Buckets unter dem obigen Endpunkt an Browser ausgeliefert.</translation>
    </message>
</context>
<context>
    <name>Gui::Sqs::CreateQueueDialog</name>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="45"/>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="91"/>
        <source>Create queue</source>
        <translation>Warteschlange erstellen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="46"/>
        <source>Standard — at-least-once delivery, best-effort order</source>
        <translation>Standard – Zustellung mindestens einmal, Reihenfolge nach bestem Bemühen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="48"/>
        <source>FIFO — exactly-once processing, order kept per message group</source>
        <translation>FIFO – genau einmalige Verarbeitung, Reihenfolge je Nachrichtengruppe garantiert</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="51"/>
        <source>orders</source>
        <translation>bestellungen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="54"/>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="55"/>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="56"/>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="62"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="60"/>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="63"/>
        <source>Content-based deduplication (SHA-256 of the body)</source>
        <translation>Inhaltsbasierte Deduplizierung (SHA-256 des Nachrichtentexts)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="67"/>
        <source>Type (cannot be changed later)</source>
        <translation>Typ (später nicht änderbar)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="72"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="74"/>
        <source>Visibility timeout (0 s – 12 h)</source>
        <translation>Sichtbarkeits-Timeout (0 s – 12 h)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="75"/>
        <source>Message retention (60 s – 14 days)</source>
        <translation>Aufbewahrungsdauer (60 s – 14 Tage)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="76"/>
        <source>Delivery delay (0 – 900 s)</source>
        <translation>Zustellverzögerung (0 – 900 s)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="77"/>
        <source>Maximum message size (1 KiB – 1 MiB)</source>
        <translation>Maximale Nachrichtengröße (1 KiB – 1 MiB)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="78"/>
        <source>Receive message wait time (0 – 20 s)</source>
        <translation>Wartezeit beim Empfangen (0 – 20 s)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="81"/>
        <source>Dead-letter queue</source>
        <translation>Dead-Letter-Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="83"/>
        <source>Send failed messages to</source>
        <translation>Fehlgeschlagene Nachrichten senden an</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="84"/>
        <source>Maximum receives</source>
        <translation>Maximale Empfangsanzahl</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="94"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="157"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="170"/>
        <source>Up to 75 letters, digits, hyphens or underscores; &quot;.fifo&quot; is added.</source>
        <translation>Bis zu 75 Buchstaben, Ziffern, Binde- oder Unterstriche; „.fifo“ wird angehängt.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="172"/>
        <source>Up to 80 letters, digits, hyphens or underscores.</source>
        <translation>Bis zu 80 Buchstaben, Ziffern, Binde- oder Unterstriche.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="174"/>
        <source>Not a valid name: %1</source>
        <translation>Kein gültiger Name: %1</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="176"/>
        <source>A queue named %1 exists already.</source>
        <translation>Eine Warteschlange namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/createqueuedialog.cpp" line="178"/>
        <source>Queue URL ends in …/%1</source>
        <translation>Die Warteschlangen-URL endet auf …/%1</translation>
    </message>
</context>
<context>
    <name>Gui::Sqs::MessageListModel</name>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="24"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="26"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="27"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="45"/>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="47"/>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="49"/>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="85"/>
        <source>Visible again at %1</source>
        <translation>Wieder sichtbar um %1</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="100"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="120"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="122"/>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="124"/>
        <source>Receives</source>
        <translation>Empfänge</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="126"/>
        <source>Visible in</source>
        <translation>Sichtbar in</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="128"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="130"/>
        <source>Message ID</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <location filename="../ui/sqs/messagelistmodel.cpp" line="132"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
</context>
<context>
    <name>Gui::Sqs::QueueListModel</name>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="39"/>
        <source>Other queues send their failed messages here.</source>
        <translation>Andere Warteschlangen senden ihre fehlgeschlagenen Nachrichten hierher.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="53"/>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="53"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="65"/>
        <source>Dead-letter queue</source>
        <translation>Dead-Letter-Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="41"/>
        <source>Messages received more than %1 times move to %2.</source>
        <translation>Nachrichten, die öfter als %1-mal empfangen wurden, wandern nach %2.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="67"/>
        <source>→ %1 (maximum receives: %2)</source>
        <translation>→ %1 (maximale Empfangsanzahl: %2)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="87"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="89"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="91"/>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="93"/>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="95"/>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="97"/>
        <source>Dead-letter</source>
        <translation>Dead-Letter</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuelistmodel.cpp" line="99"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>Gui::Sqs::QueuesPane</name>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="61"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="63"/>
        <source>Message ID</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="64"/>
        <source>Receive count</source>
        <translation>Empfangsanzahl</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="65"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="68"/>
        <source>First received</source>
        <translation>Zuerst empfangen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="71"/>
        <source>Visible at</source>
        <translation>Sichtbar ab</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="74"/>
        <source>Expires at</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="77"/>
        <source>Message group</source>
        <translation>Nachrichtengruppe</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="78"/>
        <source>Deduplication ID</source>
        <translation>Deduplizierungs-ID</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="79"/>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="80"/>
        <source>Dead-lettered from</source>
        <translation>Als Dead Letter verschoben aus</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="81"/>
        <source>MD5 of body</source>
        <translation>MD5 des Texts</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="85"/>
        <source>Attribute %1 (%2)</source>
        <translation>Attribut %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="102"/>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="103"/>
        <source>Amazon SQS queues on this machine. Counters follow every client live; Peek shows each message&apos;s state without receiving it.</source>
        <translation>Amazon-SQS-Warteschlangen auf diesem Rechner. Die Zähler folgen jedem Client live; „Einsehen“ zeigt den Zustand jeder Nachricht, ohne sie zu empfangen.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="106"/>
        <location filename="../ui/sqs/queuespane.cpp" line="394"/>
        <source>Create queue</source>
        <translation>Warteschlange erstellen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="107"/>
        <source>Purge</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="108"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="127"/>
        <source>Peek messages</source>
        <translation>Nachrichten einsehen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="128"/>
        <source>Send and receive</source>
        <translation>Senden und empfangen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="129"/>
        <source>Dead-letter queue</source>
        <translation>Dead-Letter-Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="176"/>
        <source>Peeking does not receive: states, receive counts and visibility timeouts stay exactly as they are. Available messages come first, then the rest by the time they become visible.</source>
        <translation>Einsehen ist kein Empfangen: Zustände, Empfangsanzahlen und Sichtbarkeits-Timeouts bleiben genau, wie sie sind. Verfügbare Nachrichten stehen oben, die übrigen danach, geordnet nach dem Zeitpunkt, ab dem sie sichtbar werden.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="214"/>
        <source>This queue holds no messages. Send one on the Send and receive tab, or with aws sqs send-message.</source>
        <translation>Diese Warteschlange enthält keine Nachrichten. Senden Sie eine auf der Registerkarte „Senden und empfangen“ oder mit aws sqs send-message.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="216"/>
        <source>Select a message to see its body and attributes.</source>
        <translation>Wählen Sie eine Nachricht aus, um ihren Inhalt und ihre Attribute zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="227"/>
        <source>Start DLQ redrive</source>
        <translation>DLQ-Redrive starten</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="311"/>
        <source>No queues yet. Create one here or with &lt;code&gt;aws sqs create-queue --queue-name orders&lt;/code&gt;.</source>
        <translation>Noch keine Warteschlangen. Erstellen Sie eine hier oder mit &lt;code&gt;aws sqs create-queue --queue-name orders&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="313"/>
        <source>Select a queue.</source>
        <translation>Wählen Sie eine Warteschlange.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="320"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · visibility timeout %3 s · retention %4 s · delay %5 s — &lt;span style=&apos;color:#03743d&apos;&gt;%6 available&lt;/span&gt;, &lt;span style=&apos;color:#b25b00&apos;&gt;%7 in flight&lt;/span&gt;, %8 delayed</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Sichtbarkeits-Timeout %3 s · Aufbewahrung %4 s · Verzögerung %5 s – &lt;span style=&apos;color:#03743d&apos;&gt;%6 verfügbar&lt;/span&gt;, &lt;span style=&apos;color:#b25b00&apos;&gt;%7 in Bearbeitung&lt;/span&gt;, %8 verzögert</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="324"/>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="324"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="340"/>
        <source>This is the dead-letter queue of: &lt;b&gt;%1&lt;/b&gt;. A redrive moves its messages back to the queue each one came from.</source>
        <translation>Dies ist die Dead-Letter-Warteschlange von: &lt;b&gt;%1&lt;/b&gt;. Ein Redrive verschiebt jede Nachricht zurück in die Warteschlange, aus der sie kam.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="344"/>
        <source>Messages received more than %1 times move to &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Nachrichten, die öfter als %1-mal empfangen wurden, wandern nach &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="348"/>
        <source>No dead-letter queue. Set one when creating a queue to keep messages that keep failing.</source>
        <translation>Keine Dead-Letter-Warteschlange. Legen Sie beim Erstellen einer Warteschlange eine fest, um immer wieder fehlschlagende Nachrichten aufzubewahren.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="395"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="409"/>
        <location filename="../ui/sqs/queuespane.cpp" line="422"/>
        <source>Purge queue</source>
        <translation>Warteschlange leeren</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="410"/>
        <source>Delete every message in %1, including those in flight? This cannot be undone, and a queue can be purged once a minute.</source>
        <translation>Alle Nachrichten in %1 löschen, auch die in Bearbeitung? Das lässt sich nicht rückgängig machen, und eine Warteschlange kann nur einmal pro Minute geleert werden.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="430"/>
        <location filename="../ui/sqs/queuespane.cpp" line="440"/>
        <source>Delete queue</source>
        <translation>Warteschlange löschen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="430"/>
        <source>Delete %1 and all its messages?</source>
        <translation>%1 mit allen Nachrichten löschen?</translation>
    </message>
    <message>
        <location filename="../ui/sqs/queuespane.cpp" line="479"/>
        <source>%1: %2 of %3 messages moved</source>
        <translation>%1: %2 von %3 Nachrichten verschoben</translation>
    </message>
</context>
<context>
    <name>Gui::Sqs::SendReceivePage</name>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="33"/>
        <source>Message ID: %1</source>
        <translation>Nachrichten-ID: %1</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="34"/>
        <source>MD5 of body: %1</source>
        <translation>MD5 des Texts: %1</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="43"/>
        <source>Attribute %1 (%2): %3</source>
        <translation>Attribut %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="56"/>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="60"/>
        <source>Queue default</source>
        <translation>Vorgabe der Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="62"/>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="94"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="66"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="66"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="66"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="75"/>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="79"/>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="81"/>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="82"/>
        <source>Delivery delay</source>
        <translation>Zustellverzögerung</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="83"/>
        <source>Message group ID</source>
        <translation>Nachrichtengruppen-ID</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="84"/>
        <source>Deduplication ID</source>
        <translation>Deduplizierungs-ID</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="85"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="98"/>
        <source>Poll for messages</source>
        <translation>Nach Nachrichten abfragen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="99"/>
        <source>Delete selected</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="111"/>
        <source>Receive messages</source>
        <translation>Nachrichten empfangen</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="114"/>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="116"/>
        <source>Maximum</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="150"/>
        <source>Required for FIFO queues</source>
        <translation>Für FIFO-Warteschlangen erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="150"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="152"/>
        <source>Required unless content-based deduplication is on</source>
        <translation>Erforderlich, außer bei inhaltsbasierter Deduplizierung</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="191"/>
        <source>Sent %1</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="194"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="208"/>
        <source>Polling…</source>
        <translation>Frage ab …</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="231"/>
        <source>Messages received: %1. They are in flight now.</source>
        <translation>Empfangene Nachrichten: %1. Sie sind jetzt in Bearbeitung.</translation>
    </message>
    <message>
        <location filename="../ui/sqs/sendreceivepage.cpp" line="259"/>
        <source>Messages deleted: %1.</source>
        <translation>Gelöschte Nachrichten: %1.</translation>
    </message>
</context>
<context>
    <name>MetricChoices</name>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="38"/>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="40"/>
        <source>10 seconds</source>
        <translation>10 Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="42"/>
        <source>30 seconds</source>
        <translation>30 Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="44"/>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="46"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="48"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="50"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="52"/>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="54"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../ui/cloudwatch/metricchoices.cpp" line="56"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="91"/>
        <source>Cloudbench: an offline AWS console and AWS-compatible endpoint.</source>
        <translation>Cloudbench: eine Offline-AWS-Konsole und ein AWS-kompatibler Endpunkt.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="96"/>
        <source>Serve the endpoint without a window.</source>
        <translation>Den Endpunkt ohne Fenster bereitstellen.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="98"/>
        <source>Port of the endpoint (0 picks a free one).</source>
        <translation>Port des Endpunkts (0 wählt einen freien).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="102"/>
        <source>Address to listen on.</source>
        <translation>Adresse, auf der gelauscht wird.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="108"/>
        <source>Folder holding the database and objects.</source>
        <translation>Ordner mit der Datenbank und den Objekten.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="112"/>
        <source>Delete all stored state before starting.</source>
        <translation>Vor dem Start den gesamten gespeicherten Zustand löschen.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="114"/>
        <source>Largest request body accepted, in bytes.</source>
        <translation>Größter angenommener Anfrageinhalt, in Bytes.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="118"/>
        <source>Requests kept in the activity journal (oldest dropped).</source>
        <translation>Im Aktivitätsprotokoll aufbewahrte Anfragen (die ältesten werden verworfen).</translation>
    </message>
</context>
</TS>
