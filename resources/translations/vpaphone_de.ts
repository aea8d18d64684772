<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminNoteDialog</name>
    <message>
        <source>Note to the admin team</source>
        <translation>Notiz an das Admin-Team</translation>
    </message>
    <message>
        <source>&amp;Send to the admin team</source>
        <translation>An das Admin-Team &amp;senden</translation>
    </message>
</context>
<context>
    <name>AudioPage</name>
    <message>
        <source>Audio problems</source>
        <translation>Audio-Probleme</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker or headset</source>
        <translation>Lautsprecher oder Headset</translation>
    </message>
    <message>
        <source>Ringer</source>
        <translation>Klingelton-Gerät</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>Test microphone</source>
        <translation>Mikrofon testen</translation>
    </message>
    <message>
        <source>Play test sound</source>
        <translation>Testton abspielen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>BrokenInstallation</name>
    <message>
        <source>The softphone cannot start: files it needs are missing from its installation. Please reinstall it, or ask your IT department to.</source>
        <translation>Das Softphone kann nicht starten: In seiner Installation fehlen Dateien, die es braucht. Bitte installieren Sie es neu oder wenden Sie sich an Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <source>Missing in %1: %2</source>
        <translation>Es fehlt in %1: %2</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>my-vpa is unreachable: working with the data saved at %1.</source>
        <translation>my-vpa ist nicht erreichbar: Es wird mit den um %1 gespeicherten Daten gearbeitet.</translation>
    </message>
    <message>
        <source>Signing out did not complete: %1</source>
        <translation>Die Abmeldung wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>The phone could not start: %1</source>
        <translation>Das Telefon konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The phone is not ready: sign in first.</source>
        <translation>Das Telefon ist nicht bereit: Bitte zuerst anmelden.</translation>
    </message>
    <message>
        <source>Hang up the current call first.</source>
        <translation>Bitte zuerst das laufende Gespräch beenden.</translation>
    </message>
    <message numerus="yes">
        <source>my-vpa is unreachable: %n record(s) wait to be uploaded.</source>
        <translation>
            <numerusform>my-vpa ist nicht erreichbar: %n Eintrag wartet auf das Hochladen.</numerusform>
            <numerusform>my-vpa ist nicht erreichbar: %n Einträge warten auf das Hochladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Telephony area changed to %1.</source>
        <translation>Telefonie-Bereich geändert auf %1.</translation>
    </message>
    <message>
        <source>Message posted to the task chat.</source>
        <translation>Nachricht im Aufgaben-Chat gepostet.</translation>
    </message>
    <message>
        <source>The admin team has been told.</source>
        <translation>Das Admin-Team wurde informiert.</translation>
    </message>
    <message>
        <source>my-vpa did not accept this: %1</source>
        <translation>my-vpa hat das nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>CountryPicker</name>
    <message>
        <source>Destination country</source>
        <translation>Zielland</translation>
    </message>
    <message>
        <source>Search by name, ISO code (AT) or calling code (+43)</source>
        <translation>Suche nach Name, ISO-Code (AT) oder Vorwahl (+43)</translation>
    </message>
    <message>
        <source>Country, AT or +43</source>
        <translation>Land, AT oder +43</translation>
    </message>
</context>
<context>
    <name>DialerWidget</name>
    <message>
        <source>Call anyway?</source>
        <translation>Trotzdem anrufen?</translation>
    </message>
    <message>
        <source>Place the call anyway?</source>
        <translation>Den Anruf trotzdem tätigen?</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Why this call is blocked or needs care</source>
        <translation>Warum dieser Anruf gesperrt ist oder Vorsicht braucht</translation>
    </message>
    <message>
        <source>No active task: pick the customer task you are working on first.</source>
        <translation>Keine aktive Aufgabe: Wählen Sie zuerst die Kundenaufgabe, an der Sie arbeiten.</translation>
    </message>
    <message>
        <source>Call…</source>
        <translation>Anrufen…</translation>
    </message>
</context>
<context>
    <name>Dialpad</name>
    <message>
        <source>Hold for +</source>
        <translation>Gedrückt halten für +</translation>
    </message>
    <message>
        <source>Dial pad</source>
        <translation>Wähltastatur</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Raute</translation>
    </message>
</context>
<context>
    <name>GateText</name>
    <message>
        <source>Emergency calls are always allowed; they belong to no task and do not count as phone time.</source>
        <translation>Notrufe sind immer erlaubt; sie gehören zu keiner Aufgabe und zählen nicht als Telefonzeit.</translation>
    </message>
    <message>
        <source>No active task: pick the customer task you are working on first. Calls are only for customer tasks; private calls are not allowed.</source>
        <translation>Keine aktive Aufgabe: Wählen Sie zuerst die Kundenaufgabe, an der Sie arbeiten. Anrufe sind nur für Kundenaufgaben erlaubt; private Anrufe sind nicht gestattet.</translation>
    </message>
    <message>
        <source>Calls outside the EU (%1) need an individual quote: ask the admin team for one before calling.</source>
        <translation>Anrufe außerhalb der EU (%1) brauchen ein individuelles Angebot: Fragen Sie vor dem Anruf das Admin-Team danach.</translation>
    </message>
    <message>
        <source>Premium-rate numbers are blocked: the customer cannot be billed for them.</source>
        <translation>Premium-Nummern sind gesperrt: Sie können dem Kunden nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Shared-cost numbers are blocked: the customer cannot be billed for them.</source>
        <translation>Shared-Cost-Nummern sind gesperrt: Sie können dem Kunden nicht berechnet werden.</translation>
    </message>
    <message>
        <source>The task&apos;s telephony area (%1) does not cover calls to %2. Switch the task to %3 and tell the customer (Telefonfaktor).</source>
        <translation>Der Telefonie-Bereich der Aufgabe (%1) deckt Anrufe nach %2 nicht ab. Stellen Sie die Aufgabe auf %3 um und informieren Sie den Kunden (Telefonfaktor).</translation>
    </message>
    <message>
        <source>an area that covers it</source>
        <translation>einen passenden Bereich</translation>
    </message>
    <message>
        <source>This task is over the %1 phone share included in the hourly rate: choose a telephony area for it and tell the customer and the admin team.</source>
        <translation>Diese Aufgabe liegt über dem im Stundensatz enthaltenen Telefonanteil von %1: Wählen Sie einen Telefonie-Bereich und informieren Sie den Kunden und das Admin-Team.</translation>
    </message>
    <message>
        <source>This task is nearing the %1 phone share included in the hourly rate.</source>
        <translation>Diese Aufgabe nähert sich dem im Stundensatz enthaltenen Telefonanteil von %1.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Start when I log in</source>
        <translation>Beim Anmelden am Computer starten</translation>
    </message>
    <message>
        <source>Closing the window keeps the phone running in the tray</source>
        <translation>Beim Schließen des Fensters läuft das Telefon im Infobereich weiter</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Number not found</source>
        <translation>Nummer nicht vergeben</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Not allowed by the phone system</source>
        <translation>Von der Telefonanlage nicht erlaubt</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Netzwerkproblem</translation>
    </message>
    <message>
        <source>Blocked by the call rules</source>
        <translation>Durch die Anrufregeln gesperrt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted (app closed)</source>
        <translation>Unterbrochen (Programm beendet)</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Gesprächszeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>(keine Aufgabe)</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Which calls to show</source>
        <translation>Welche Anrufe angezeigt werden</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Alle Anrufe</translation>
    </message>
    <message>
        <source>Calls of the active task</source>
        <translation>Anrufe der aktiven Aufgabe</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>Erneut anrufen</translation>
    </message>
    <message>
        <source>Call the selected number again</source>
        <translation>Die ausgewählte Nummer erneut anrufen</translation>
    </message>
</context>
<context>
    <name>InCallPanel</name>
    <message>
        <source>Transfer the call to which number?</source>
        <translation>An welche Nummer soll das Gespräch weitergeleitet werden?</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Remote number</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <source>Task of this call</source>
        <translation>Aufgabe dieses Anrufs</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Gesprächszeit</translation>
    </message>
    <message>
        <source>Phone share forecast</source>
        <translation>Prognose Telefonanteil</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Weiterleiten…</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Audio device</source>
        <translation>Audiogerät</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Mute or unmute your microphone</source>
        <translation>Mikrofon stumm schalten oder wieder einschalten</translation>
    </message>
    <message>
        <source>End the call</source>
        <translation>Anruf beenden</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Aufgabe: %1</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>Wählt…</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Klingelt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
</context>
<context>
    <name>IncomingCallDialog</name>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>Unbekannte Nummer</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Name des Anrufers</translation>
    </message>
    <message>
        <source>Task this call belongs to</source>
        <translation>Aufgabe, zu der dieser Anruf gehört</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>Anruf annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Abweisen</translation>
    </message>
    <message>
        <source>Reject the call</source>
        <translation>Anruf abweisen</translation>
    </message>
    <message>
        <source>No task to attribute this call to: calls belong to a customer task.</source>
        <translation>Keine Aufgabe, der dieser Anruf zugeordnet werden kann: Anrufe gehören zu einer Kundenaufgabe.</translation>
    </message>
    <message>
        <source>For task:</source>
        <translation>Für Aufgabe:</translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <source>Phone connection</source>
        <translation>Telefonverbindung</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Rufnummernanzeige</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>An&amp;rufliste</translation>
    </message>
    <message>
        <source>Outgoing calls show your number %1</source>
        <translation>Ausgehende Anrufe zeigen Ihre Nummer %1</translation>
    </message>
    <message>
        <source>Outgoing calls show %1</source>
        <translation>Ausgehende Anrufe zeigen %1</translation>
    </message>
    <message>
        <source>● Ready: registered</source>
        <translation>● Bereit: angemeldet</translation>
    </message>
    <message>
        <source>● Ready (direct calls)</source>
        <translation>● Bereit (Direktanrufe)</translation>
    </message>
    <message>
        <source>○ Connecting to the phone server…</source>
        <translation>○ Verbinde mit dem Telefonserver…</translation>
    </message>
    <message>
        <source>○ Not connected to the phone server</source>
        <translation>○ Nicht mit dem Telefonserver verbunden</translation>
    </message>
    <message>
        <source>✕ Not connected: %1</source>
        <translation>✕ Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>A call is running: hang up first.</source>
        <translation>Ein Gespräch läuft: Bitte zuerst auflegen.</translation>
    </message>
    <message>
        <source>The phone is not connected yet.</source>
        <translation>Das Telefon ist noch nicht verbunden.</translation>
    </message>
    <message>
        <source>The phone is not connected: %1</source>
        <translation>Das Telefon ist nicht verbunden: %1</translation>
    </message>
    <message>
        <source>This task is over the included 25 %.</source>
        <translation>Diese Aufgabe liegt über den enthaltenen 25 %.</translation>
    </message>
    <message numerus="yes">
        <source>At this pace this task passes 25 % in %n min.</source>
        <translation>
            <numerusform>In diesem Tempo überschreitet diese Aufgabe 25 % in %n Min.</numerusform>
            <numerusform>In diesem Tempo überschreitet diese Aufgabe 25 % in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>(keine Aufgabe)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Softphone</source>
        <translation>&amp;Softphone</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Dial a &amp;number</source>
        <translation>&amp;Nummer wählen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Hang up before signing out.</source>
        <translation>Bitte vor dem Abmelden auflegen.</translation>
    </message>
    <message>
        <source>Sign out? Your tasks and call history are removed from this computer.</source>
        <translation>Abmelden? Ihre Aufgaben und die Anrufliste werden von diesem Computer entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) not yet uploaded will be sent first if my-vpa can be reached.</source>
        <translation>
            <numerusform>%n noch nicht hochgeladener Eintrag wird zuerst gesendet, wenn my-vpa erreichbar ist.</numerusform>
            <numerusform>%n noch nicht hochgeladene Einträge werden zuerst gesendet, wenn my-vpa erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the softphone.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start des Softphones.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The softphone shows the new language after a restart.</source>
        <translation>Das Softphone zeigt die neue Sprache nach einem Neustart.</translation>
    </message>
    <message>
        <source>You will need to sign in again.</source>
        <translation>Sie müssen sich danach neu anmelden.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Number, e.g. 221 82829980</source>
        <translation>Nummer, z. B. 221 82829980</translation>
    </message>
    <message>
        <source>Number problem</source>
        <translation>Problem mit der Nummer</translation>
    </message>
    <message>
        <source>Dialling hint</source>
        <translation>Hinweis zum Wählen</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>Landline numbers here keep their leading 0 after the country code (Rome: 06 …, +39 06 …). Type it.</source>
        <translation>Festnetznummern behalten hier die führende 0 nach der Ländervorwahl (Rom: 06 …, +39 06 …). Bitte mit eingeben.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
</context>
<context>
    <name>ShareGauge</name>
    <message>
        <source>Phone share of the working time</source>
        <translation>Telefonanteil an der Arbeitszeit</translation>
    </message>
    <message>
        <source>%1 on the phone; %2 is included</source>
        <translation>%1 telefoniert; %2 sind enthalten</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in to my-vpa</source>
        <translation>Bei my-vpa anmelden</translation>
    </message>
    <message>
        <source>Use your usual my-vpa user name and password.</source>
        <translation>Verwenden Sie Ihren gewohnten my-vpa-Benutzernamen und Ihr Passwort.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Stay signed in</source>
        <translation>Angemeldet &amp;bleiben</translation>
    </message>
    <message>
        <source>Keeps your sign-in in the system keychain, so you are not asked at start.</source>
        <translation>Speichert Ihre Anmeldung im Schlüsselbund des Systems, damit Sie beim Start nicht gefragt werden.</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>my-vpa server</source>
        <translation>my-vpa-Server</translation>
    </message>
    <message>
        <source>Demo mode: this is a demo my-vpa on your computer. Sign in with user name %1 and password %2.</source>
        <translation>Demo-Modus: Dies ist ein Demo-my-vpa auf Ihrem Computer. Melden Sie sich mit Benutzername %1 und Passwort %2 an.</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>my-vpa is not configured.</source>
        <translation>my-vpa ist nicht eingerichtet.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>No system keychain is available, so nothing can be remembered: you will be asked for your my-vpa password at every start.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar, daher kann nichts gespeichert werden: Sie werden bei jedem Start nach Ihrem my-vpa-Passwort gefragt.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so nothing can be remembered: you will be asked for your my-vpa password at every start.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt, daher kann nichts gespeichert werden: Sie werden bei jedem Start nach Ihrem my-vpa-Passwort gefragt.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Wrong user name or password. Use the same password as in the my-vpa app.</source>
        <translation>Benutzername oder Passwort falsch. Verwenden Sie dasselbe Passwort wie in der my-vpa-App.</translation>
    </message>
    <message>
        <source>Your my-vpa account is locked. Please contact the admin team.</source>
        <translation>Ihr my-vpa-Konto ist gesperrt. Bitte wenden Sie sich an das Admin-Team.</translation>
    </message>
    <message>
        <source>my-vpa cannot be reached and no recent data is stored on this computer. Check your internet connection and try again.</source>
        <translation>my-vpa ist nicht erreichbar und auf diesem Computer sind keine aktuellen Daten gespeichert. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>my-vpa cannot be reached (%1). Check your internet connection and try again.</source>
        <translation>my-vpa ist nicht erreichbar (%1). Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your my-vpa session has ended. Please sign in again.</source>
        <translation>Ihre my-vpa-Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>my-vpa sent an answer the softphone cannot use. Please try again later; if it persists, send the output of “vpaphone diagnose” to IT.</source>
        <translation>my-vpa hat eine Antwort gesendet, die das Softphone nicht verwenden kann. Bitte später erneut versuchen; wenn es bleibt, senden Sie die Ausgabe von „vpaphone diagnose“ an die IT.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Enter your my-vpa user name.</source>
        <translation>Geben Sie Ihren my-vpa-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your my-vpa password.</source>
        <translation>Geben Sie Ihr my-vpa-Passwort ein.</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Ready (direct calls)</source>
        <translation>Bereit (Direktanrufe)</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Wrong username or password</source>
        <translation>Falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <source>Forbidden by the server</source>
        <translation>Vom Server verweigert</translation>
    </message>
    <message>
        <source>Unknown user at this server</source>
        <translation>Benutzer auf diesem Server unbekannt</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Registration failed (SIP %1)</source>
        <translation>Anmeldung fehlgeschlagen (SIP %1)</translation>
    </message>
    <message>
        <source>The other side offered no audio format this phone supports</source>
        <translation>Die Gegenseite bietet kein Audioformat an, das dieses Telefon unterstützt</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Anruf beendet</translation>
    </message>
    <message>
        <source>Call cancelled</source>
        <translation>Anruf abgebrochen</translation>
    </message>
    <message>
        <source>The line is busy</source>
        <translation>Die Leitung ist besetzt</translation>
    </message>
    <message>
        <source>The call was declined</source>
        <translation>Der Anruf wurde abgelehnt</translation>
    </message>
    <message>
        <source>The number does not exist</source>
        <translation>Die Nummer existiert nicht</translation>
    </message>
    <message>
        <source>The number cannot be reached right now</source>
        <translation>Die Nummer ist zurzeit nicht erreichbar</translation>
    </message>
    <message>
        <source>Nobody answered</source>
        <translation>Niemand hat abgenommen</translation>
    </message>
    <message>
        <source>The phone server did not allow this call</source>
        <translation>Der Telefonserver hat diesen Anruf nicht erlaubt</translation>
    </message>
    <message>
        <source>The phone server cannot be reached</source>
        <translation>Der Telefonserver ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Blocked by the call rules</source>
        <translation>Durch die Anrufregeln gesperrt</translation>
    </message>
    <message>
        <source>The call failed</source>
        <translation>Der Anruf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The call was interrupted</source>
        <translation>Der Anruf wurde unterbrochen</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Verpasster Anruf</translation>
    </message>
    <message>
        <source>Call rejected</source>
        <translation>Anruf abgewiesen</translation>
    </message>
    <message>
        <source>The chosen microphone is not connected; using %1 instead.</source>
        <translation>Das gewählte Mikrofon ist nicht angeschlossen; stattdessen wird %1 verwendet.</translation>
    </message>
    <message>
        <source>The chosen ringer is not connected; using %1 instead.</source>
        <translation>Das gewählte Klingelgerät ist nicht angeschlossen; stattdessen wird %1 verwendet.</translation>
    </message>
    <message>
        <source>The chosen speaker/headset is not connected; using %1 instead.</source>
        <translation>Der gewählte Lautsprecher bzw. das gewählte Headset ist nicht angeschlossen; stattdessen wird %1 verwendet.</translation>
    </message>
    <message>
        <source>No audio devices found: the sound system (PulseAudio/PipeWire on Linux) may not be running. Calls can be placed, but nobody will hear anything.</source>
        <translation>Keine Audiogeräte gefunden: Das Soundsystem (PulseAudio/PipeWire unter Linux) läuft möglicherweise nicht. Anrufe sind möglich, aber niemand wird etwas hören.</translation>
    </message>
    <message>
        <source>No microphone found: the other party will not hear you.</source>
        <translation>Kein Mikrofon gefunden: Ihr Gesprächspartner wird Sie nicht hören.</translation>
    </message>
    <message>
        <source>No speaker or headset found: you will not hear the other party.</source>
        <translation>Kein Lautsprecher oder Headset gefunden: Sie werden Ihren Gesprächspartner nicht hören.</translation>
    </message>
    <message>
        <source>Too short for a phone number.</source>
        <translation>Zu kurz für eine Telefonnummer.</translation>
    </message>
    <message>
        <source>Italian landline numbers keep their leading 0.</source>
        <translation>Italienische Festnetznummern behalten ihre führende 0.</translation>
    </message>
    <message>
        <source>Type a phone number.</source>
        <translation>Geben Sie eine Telefonnummer ein.</translation>
    </message>
    <message>
        <source>That is far too long for a phone number.</source>
        <translation>Das ist viel zu lang für eine Telefonnummer.</translation>
    </message>
    <message>
        <source>Too long for a phone number in %1.</source>
        <translation>Zu lang für eine Telefonnummer (%1).</translation>
    </message>
    <message>
        <source>Too short for a phone number in %1.</source>
        <translation>Zu kurz für eine Telefonnummer (%1).</translation>
    </message>
    <message>
        <source>Too short for a phone number in %1: is the area code missing?</source>
        <translation>Zu kurz für eine Telefonnummer (%1): Fehlt die Vorwahl?</translation>
    </message>
    <message>
        <source>Type the country code after the +.</source>
        <translation>Geben Sie nach dem + die Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Type the rest of the number after the country code.</source>
        <translation>Geben Sie nach der Ländervorwahl den Rest der Nummer ein.</translation>
    </message>
    <message>
        <source>There is no country with this code: check the digits after the +.</source>
        <translation>Es gibt kein Land mit dieser Vorwahl: Prüfen Sie die Ziffern nach dem +.</translation>
    </message>
    <message>
        <source>Pick the destination country, or type the number with + and its country code.</source>
        <translation>Wählen Sie das Zielland aus oder geben Sie die Nummer mit + und Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Not a number in %1, but one in %2: pick that country or dial with its country code.</source>
        <translation>Keine Nummer aus dem gewählten Land (%1), aber eine gültige aus einem anderen (%2): Wählen Sie dieses Land aus oder geben Sie die Nummer mit Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Not a number in %1. It would be one in %2: pick the right country or dial with its country code.</source>
        <translation>Keine Nummer aus dem gewählten Land (%1). Gültig wäre sie in anderen Ländern (%2): Wählen Sie das richtige Land aus oder geben Sie die Nummer mit Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Letters where digits belong: “%1”. Phone words work only after a prefix such as 0800.</source>
        <translation>Buchstaben statt Ziffern: „%1“. Buchstabenwörter gehen nur nach einer Vorwahl wie 0800.</translation>
    </message>
    <message>
        <source>The text after the number is not part of it: phone numbers are digits only.</source>
        <translation>Der Text nach der Nummer gehört nicht dazu: Telefonnummern bestehen nur aus Ziffern.</translation>
    </message>
    <message>
        <source>That is text, not a phone number.</source>
        <translation>Das ist Text, keine Telefonnummer.</translation>
    </message>
    <message>
        <source>“%1” is a letter — numbers use the digits 0–9 only.</source>
        <translation>„%1“ ist ein Buchstabe – Telefonnummern bestehen nur aus den Ziffern 0–9.</translation>
    </message>
    <message>
        <source>These letters do not spell a valid number (phone word).</source>
        <translation>Diese Buchstaben ergeben keine gültige Nummer (Buchstabenwahl).</translation>
    </message>
    <message>
        <source>The link&apos;s extension is not a number.</source>
        <translation>Die Durchwahl im Link ist keine Zahl.</translation>
    </message>
    <message>
        <source>This address names a person or device, not a phone number.</source>
        <translation>Diese Adresse bezeichnet eine Person oder ein Gerät, keine Telefonnummer.</translation>
    </message>
    <message>
        <source>“%1” does not belong in a phone number.</source>
        <translation>„%1“ gehört nicht in eine Telefonnummer.</translation>
    </message>
    <message>
        <source>A + belongs only at the start, before the country code.</source>
        <translation>Ein + gehört nur an den Anfang, vor die Ländervorwahl.</translation>
    </message>
    <message>
        <source>Paste one number at a time.</source>
        <translation>Fügen Sie nur eine Nummer auf einmal ein.</translation>
    </message>
    <message>
        <source>%1 landline numbers keep their leading 0.</source>
        <translation>Festnetznummern behalten hier ihre führende 0 (%1).</translation>
    </message>
    <message>
        <source>Extensions can&apos;t be dialled with the number: call the main number and key in the extension once the call is answered.</source>
        <translation>Eine Durchwahl lässt sich nicht mitwählen: Rufen Sie die Hauptnummer an und tippen Sie die Durchwahl ein, sobald abgenommen wurde.</translation>
    </message>
    <message>
        <source>There is no such number in %1: check the digits.</source>
        <translation>Diese Nummer gibt es nicht (%1): Prüfen Sie die Ziffern.</translation>
    </message>
    <message>
        <source>Too short for a phone number: is the area code missing?</source>
        <translation>Zu kurz für eine Telefonnummer: Fehlt die Vorwahl?</translation>
    </message>
    <message>
        <source>Too long for a phone number.</source>
        <translation>Zu lang für eine Telefonnummer.</translation>
    </message>
    <message>
        <source>Letters where digits belong: phone numbers are digits only.</source>
        <translation>Buchstaben statt Ziffern: Telefonnummern bestehen nur aus Ziffern.</translation>
    </message>
    <message>
        <source>There is no such number: check the digits.</source>
        <translation>Diese Nummer gibt es nicht: Prüfen Sie die Ziffern.</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Active task</source>
        <translation>Aktive Aufgabe</translation>
    </message>
    <message>
        <source>Search tasks (title, customer, ID)</source>
        <translation>Aufgaben suchen (Titel, Kunde, ID)</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Aufgaben suchen</translation>
    </message>
    <message>
        <source>Work timer</source>
        <translation>Arbeitszeit-Uhr</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Telephony area:</source>
        <translation>Telefonie-Bereich:</translation>
    </message>
    <message>
        <source>Working time:</source>
        <translation>Arbeitszeit:</translation>
    </message>
    <message>
        <source>Phone time:</source>
        <translation>Telefonzeit:</translation>
    </message>
    <message>
        <source>— pick the task you work on —</source>
        <translation>— Aufgabe wählen, an der Sie arbeiten —</translation>
    </message>
    <message>
        <source>Stop &amp;work</source>
        <translation>Arbeit &amp;beenden</translation>
    </message>
    <message>
        <source>Start &amp;work</source>
        <translation>Arbeit &amp;beginnen</translation>
    </message>
    <message>
        <source>%1 · factor %2</source>
        <translation>%1 · Faktor %2</translation>
    </message>
    <message>
        <source>%1 · agreed with the admin team</source>
        <translation>%1 · mit dem Admin-Team vereinbart</translation>
    </message>
    <message>
        <source>%1 · phone time included up to 25 %</source>
        <translation>%1 · Telefonzeit bis 25 % enthalten</translation>
    </message>
    <message>
        <source>No working time recorded yet.</source>
        <translation>Noch keine Arbeitszeit erfasst.</translation>
    </message>
    <message>
        <source>%1 of the working time on the phone; %2 left within the included share.</source>
        <translation>%1 der Arbeitszeit telefoniert; noch %2 innerhalb des enthaltenen Anteils.</translation>
    </message>
</context>
<context>
    <name>TelefonfaktorDialog</name>
    <message>
        <source>Message to the customer: %1</source>
        <translation>Nachricht an den Kunden: %1</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>Sprache der Nachricht</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Post to task chat</source>
        <translation>Im Aufgaben-Chat &amp;posten</translation>
    </message>
    <message>
        <source>Raise the task&apos;s budget accordingly. The text is sent as you see it; you can edit it first.</source>
        <translation>Erhöhen Sie das Budget der Aufgabe entsprechend. Der Text wird so gesendet, wie Sie ihn sehen; Sie können ihn vorher bearbeiten.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
</context>
<context>
    <name>ThresholdBanner</name>
    <message>
        <source>Phone share warning</source>
        <translation>Warnung Telefonanteil</translation>
    </message>
    <message>
        <source>Tip: a video call (task chat, Teams, Zoom, Meet) is cheaper for the customer and better for the relation.</source>
        <translation>Tipp: Ein Videoanruf (Aufgaben-Chat, Teams, Zoom, Meet) ist für den Kunden günstiger und besser für die Beziehung.</translation>
    </message>
    <message>
        <source>Prepare customer &amp;message…</source>
        <translation>Kunden&amp;nachricht vorbereiten…</translation>
    </message>
    <message>
        <source>Tell the &amp;admin team…</source>
        <translation>&amp;Admin-Team informieren…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>“%1” is over the included phone share: %2 of the working time on the phone, 25 % are included. The customer now pays phone costs: pick a telephony area, tell the customer and the admin team.</source>
        <translation>„%1“ liegt über dem enthaltenen Telefonanteil: %2 der Arbeitszeit telefoniert, 25 % sind enthalten. Der Kunde zahlt jetzt Telefonkosten: Wählen Sie einen Telefonie-Bereich und informieren Sie den Kunden und das Admin-Team.</translation>
    </message>
    <message>
        <source>“%1” is nearing the included phone share: %2 of the working time on the phone, 25 % are included. Phoning more than planned? Pick a telephony area now.</source>
        <translation>„%1“ nähert sich dem enthaltenen Telefonanteil: %2 der Arbeitszeit telefoniert, 25 % sind enthalten. Mehr telefoniert als geplant? Wählen Sie jetzt einen Telefonie-Bereich.</translation>
    </message>
    <message>
        <source>Ask for an individual &amp;quote…</source>
        <translation>Individuelles &amp;Angebot anfragen…</translation>
    </message>
    <message>
        <source>Switch to “%1”</source>
        <translation>Umstellen auf „%1“</translation>
    </message>
    <message>
        <source>Phone share: %1</source>
        <translation>Telefonanteil: %1</translation>
    </message>
    <message>
        <source>Over 25 %: pick a telephony area and tell the customer.</source>
        <translation>Über 25 %: Wählen Sie einen Telefonie-Bereich und informieren Sie den Kunden.</translation>
    </message>
    <message>
        <source>Nearing 25 % of the working time on the phone.</source>
        <translation>Bald 25 % der Arbeitszeit telefoniert.</translation>
    </message>
    <message>
        <source>Ask for an individual quote</source>
        <translation>Individuelles Angebot anfragen</translation>
    </message>
    <message>
        <source>Phoning more than planned</source>
        <translation>Mehr telefoniert als geplant</translation>
    </message>
    <message>
        <source>Tell the admin team you phone over our system</source>
        <translation>Admin-Team informieren, dass Sie über unsere Anlage telefonieren</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Show window</source>
        <translation>Fenster &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quick dial…</source>
        <translation>&amp;Schnellwahl…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
</TS>
