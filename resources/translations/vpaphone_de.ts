<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutPage</name>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Monitoring of calls</source>
        <translation>Kontrolle der Anrufe</translation>
    </message>
</context>
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
    <name>AreaChooser</name>
    <message>
        <source>Telephony area of the task</source>
        <translation>Telefonie-Bereich der Aufgabe</translation>
    </message>
    <message>
        <source>Kind of calls for this task</source>
        <translation>Art der Anrufe für diese Aufgabe</translation>
    </message>
    <message>
        <source>Back-office calls</source>
        <translation>Backoffice-Anrufe</translation>
    </message>
    <message>
        <source>Sales calls</source>
        <translation>Vertriebsanrufe</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Telephony area:</source>
        <translation>Telefonie-Bereich:</translation>
    </message>
    <message>
        <source>Calls:</source>
        <translation>Anrufe:</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Budget:</translation>
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
        <source>%1 · phone time included up to %2</source>
        <translation>%1 · Telefonzeit bis %2 enthalten</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keins festgelegt</translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
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
        <source>Test ringer</source>
        <translation>Klingelton testen</translation>
    </message>
    <message>
        <source>Test the ringer</source>
        <translation>Den Klingelton testen</translation>
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
        <translation>Das Softphone kann nicht starten: In seiner Installation fehlen Dateien, die es braucht. Bitte installiere es neu oder bitte deine IT darum.</translation>
    </message>
    <message>
        <source>Missing in %1: %2</source>
        <translation>Es fehlt in %1: %2</translation>
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
    <name>DataProblem</name>
    <message>
        <source>The softphone&apos;s database %1 is damaged. Close the softphone, move the file into another folder (support can recover the call records in it), then start the softphone again: it creates a new database.</source>
        <translation>Die Datenbank des Softphones %1 ist beschädigt. Schließe das Softphone, verschiebe die Datei in einen anderen Ordner (der Support kann die Anrufeinträge darin wiederherstellen) und starte das Softphone neu: Es legt eine neue Datenbank an.</translation>
    </message>
    <message>
        <source>%1 is not a database of this softphone. Move the file into another folder, then start the softphone again.</source>
        <translation>%1 ist keine Datenbank dieses Softphones. Verschiebe die Datei in einen anderen Ordner und starte das Softphone neu.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of the softphone. Ask IT to install that version again; this version leaves the file untouched.</source>
        <translation>Die Datenbank %1 stammt von einer neueren Version des Softphones. Bitte die IT, diese Version wieder zu installieren; diese Version lässt die Datei unverändert.</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program. Close other copies of the softphone, then start it again.</source>
        <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt. Schließe andere laufende Softphones und starte dieses dann neu.</translation>
    </message>
    <message>
        <source>The softphone cannot write to its data folder %1 (read-only, or no permission). Ask IT to make the folder writable for you, then start the softphone again.</source>
        <translation>Das Softphone kann nicht in seinen Datenordner %1 schreiben (schreibgeschützt oder keine Berechtigung). Bitte die IT, den Ordner für dich beschreibbar zu machen, und starte das Softphone dann neu.</translation>
    </message>
    <message>
        <source>The disk holding the softphone&apos;s data folder %1 is full. Free some space (or ask IT to), then start the softphone again.</source>
        <translation>Der Datenträger mit dem Datenordner des Softphones %1 ist voll. Schaffe Platz (oder bitte die IT darum) und starte das Softphone dann neu.</translation>
    </message>
    <message>
        <source>The softphone cannot use its data folder %1. Ask IT to check the folder and the disk, then start the softphone again.</source>
        <translation>Das Softphone kann seinen Datenordner %1 nicht verwenden. Bitte die IT, Ordner und Datenträger zu prüfen, und starte das Softphone dann neu.</translation>
    </message>
    <message>
        <source>Until then you cannot sign in: no call may go unrecorded.</source>
        <translation>Bis dahin kannst du dich nicht anmelden: Kein Anruf darf unerfasst bleiben.</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>the data folder cannot be written.</source>
        <translation>in den Datenordner kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>the database cannot be used.</source>
        <translation>die Datenbank kann nicht verwendet werden.</translation>
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
        <source>How the last call ended</source>
        <translation>Wie der letzte Anruf endete</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>Was gewählt wird</translation>
    </message>
    <message>
        <source>Ask the admin team for a &amp;quote…</source>
        <translation>Beim Admin-Team ein &amp;Angebot anfragen …</translation>
    </message>
    <message>
        <source>No active task: pick the customer task you are working on first.</source>
        <translation>Keine aktive Aufgabe: Wähle zuerst die Kundenaufgabe, an der du arbeitest.</translation>
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
        <translation>Keine aktive Aufgabe: Wähle zuerst die Kundenaufgabe, an der du arbeitest. Anrufe sind nur für Kundenaufgaben erlaubt; private Anrufe sind nicht gestattet.</translation>
    </message>
    <message>
        <source>Calls outside the EU (%1) need an individual quote: ask the admin team for one before calling.</source>
        <translation>Anrufe außerhalb der EU (%1) brauchen ein individuelles Angebot: Frag vor dem Anruf das Admin-Team danach.</translation>
    </message>
    <message>
        <source>Premium-rate numbers are blocked: the customer cannot be billed for them.</source>
        <translation>Premium-Nummern sind gesperrt, weil sich ihre Kosten dem Kunden nicht in Rechnung stellen lassen.</translation>
    </message>
    <message>
        <source>Shared-cost numbers are blocked: the customer cannot be billed for them.</source>
        <translation>Shared-Cost-Nummern sind gesperrt, weil sich ihre Kosten dem Kunden nicht in Rechnung stellen lassen.</translation>
    </message>
    <message>
        <source>The task&apos;s telephony area (%1) does not cover calls to %2. Switch the task to %3 and tell the customer (Telefonfaktor).</source>
        <translation>Der Telefonie-Bereich der Aufgabe (%1) deckt Anrufe nach %2 nicht ab. Stell die Aufgabe auf %3 um und informiere den Kunden (Telefonfaktor).</translation>
    </message>
    <message>
        <source>Numbers of this type (%1) are blocked by the my-vpa rules.</source>
        <translation>Nummern dieser Art (%1) sind durch die my-vpa-Regeln gesperrt.</translation>
    </message>
    <message>
        <source>zone Germany</source>
        <translation>Zone Deutschland</translation>
    </message>
    <message>
        <source>zone EU</source>
        <translation>Zone EU</translation>
    </message>
    <message>
        <source>zone outside the EU</source>
        <translation>Zone außerhalb der EU</translation>
    </message>
    <message>
        <source>Calls %1 in %2 (%3)</source>
        <translation>Wählt %1 in %2 (%3)</translation>
    </message>
    <message>
        <source>an area that covers it</source>
        <translation>einen passenden Bereich</translation>
    </message>
    <message>
        <source>This task is over the %1 phone share included in the hourly rate: choose a telephony area for it and tell the customer and the admin team.</source>
        <translation>Diese Aufgabe liegt über dem im Stundensatz enthaltenen Telefonanteil von %1: Wähle einen Telefonie-Bereich und informiere den Kunden und das Admin-Team.</translation>
    </message>
    <message>
        <source>This task is nearing the %1 phone share included in the hourly rate.</source>
        <translation>Diese Aufgabe nähert sich dem im Stundensatz enthaltenen Telefonanteil von %1.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Country each dial starts from</source>
        <translation>Land, mit dem jede Wahl beginnt</translation>
    </message>
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
        <source>Switched off by your IT department.</source>
        <translation>Von deiner IT-Abteilung abgeschaltet.</translation>
    </message>
    <message>
        <source>Closing the window keeps the phone running in the tray</source>
        <translation>Beim Schließen des Fensters läuft das Telefon im Infobereich weiter</translation>
    </message>
    <message>
        <source>Headset buttons and media keys answer and end calls in other programs too</source>
        <translation>Headset-Tasten und Medientasten nehmen Anrufe auch in anderen Programmen an und beenden sie</translation>
    </message>
    <message>
        <source>During calls the softphone takes play/pause and stop from the desktop, as a media player would; between calls your music player keeps them.</source>
        <translation>Während Anrufen nimmt das Softphone Wiedergabe/Pause und Stopp vom Desktop entgegen wie ein Mediaplayer; zwischen Anrufen behält dein Musikplayer sie.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Dialling country:</source>
        <translation>Land für die Wahl:</translation>
    </message>
</context>
<context>
    <name>GlobalHotkeys</name>
    <message>
        <source>Global hotkeys are not available on this desktop (Wayland).</source>
        <translation>Globale Tastenkürzel gibt es auf diesem Desktop (Wayland) nicht.</translation>
    </message>
    <message>
        <source>Global hotkeys need an X11 desktop.</source>
        <translation>Globale Tastenkürzel brauchen einen X11-Desktop.</translation>
    </message>
    <message>
        <source>Global hotkeys are not available: the X display cannot be opened.</source>
        <translation>Globale Tastenkürzel sind nicht verfügbar: Die X-Anzeige lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>Global hotkeys are not available on this system.</source>
        <translation>Globale Tastenkürzel gibt es auf diesem System noch nicht.</translation>
    </message>
    <message>
        <source>%1 is taken by another program.</source>
        <translation>%1 ist schon von einem anderen Programm belegt.</translation>
    </message>
    <message>
        <source>%1 cannot be a global hotkey: use Ctrl, Alt or Meta with a key.</source>
        <translation>%1 kann kein globales Tastenkürzel sein: Nimm Strg, Alt oder Meta mit einer Taste.</translation>
    </message>
    <message>
        <source>%1: this keyboard has no such key.</source>
        <translation>%1: Diese Tastatur hat keine solche Taste.</translation>
    </message>
    <message>
        <source>%1 is given to two actions.</source>
        <translation>%1 ist zwei Aktionen zugewiesen.</translation>
    </message>
</context>
<context>
    <name>HeldCallBar</name>
    <message>
        <source>Call on hold</source>
        <translation>Gehaltenes Gespräch</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <source>Swap to the call on hold</source>
        <translation>Zum gehaltenen Gespräch wechseln</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the call on hold</source>
        <translation>Gehaltenes Gespräch beenden</translation>
    </message>
    <message>
        <source>On hold: %1 (%2)</source>
        <translation>Gehalten: %1 (%2)</translation>
    </message>
    <message>
        <source>Putting on hold: %1 (%2)</source>
        <translation>Wird gehalten: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Weitergeleitet an %1</translation>
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
    <message>
        <source>Change task…</source>
        <translation>Aufgabe ändern…</translation>
    </message>
    <message>
        <source>Move the selected call to another task</source>
        <translation>Den gewählten Anruf einer anderen Aufgabe zuordnen</translation>
    </message>
    <message>
        <source>The task this call was for</source>
        <translation>Die Aufgabe, für die dieser Anruf war</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Zuordnen</translation>
    </message>
    <message>
        <source>This call was for:</source>
        <translation>Dieser Anruf war für:</translation>
    </message>
</context>
<context>
    <name>HotkeysGroup</name>
    <message>
        <source>Global hotkeys (also while another program is active)</source>
        <translation>Globale Tastenkürzel (auch wenn ein anderes Programm aktiv ist)</translation>
    </message>
    <message>
        <source>The keys work in every program, but only while a call rings or runs. Other programs cannot use these keys while this is on.</source>
        <translation>Die Tasten wirken in jedem Programm, aber nur, solange ein Anruf klingelt oder läuft. Solange das an ist, können andere Programme diese Tasten nicht nutzen.</translation>
    </message>
    <message>
        <source>Answer / hang up:</source>
        <translation>Annehmen / Auflegen:</translation>
    </message>
    <message>
        <source>Mute:</source>
        <translation>Stumm:</translation>
    </message>
    <message>
        <source>Hold:</source>
        <translation>Halten:</translation>
    </message>
    <message>
        <source>Global hotkeys status</source>
        <translation>Status der globalen Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>InCallPanel</name>
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
        <source>MUTED</source>
        <translation>STUMM</translation>
    </message>
    <message>
        <source>Your microphone is muted</source>
        <translation>Dein Mikrofon ist stumm geschaltet</translation>
    </message>
    <message>
        <source>Start the work timer for this task</source>
        <translation>Die Arbeitszeit-Uhr für diese Aufgabe starten</translation>
    </message>
    <message>
        <source>Notice about this call</source>
        <translation>Hinweis zu diesem Gespräch</translation>
    </message>
    <message>
        <source>Keys sent in this call</source>
        <translation>In diesem Gespräch gesendete Tasten</translation>
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
        <translation>Übergeben…</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Connect them</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Hand the caller over to this person; your calls end</source>
        <translation>Übergib den Anrufer an diese Person; deine Gespräche enden</translation>
    </message>
    <message>
        <source>Back to the caller</source>
        <translation>Zurück zum Anrufer</translation>
    </message>
    <message>
        <source>End this call and take the caller up again</source>
        <translation>Beende dieses Gespräch und übernimm den Anrufer wieder</translation>
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
        <source>Put the call on hold or resume it</source>
        <translation>Anruf halten oder fortsetzen</translation>
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
        <source>Answering…</source>
        <translation>Wird angenommen …</translation>
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
        <source>On hold by the other side</source>
        <translation>Von der Gegenseite gehalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Work timer off: start it for “%1”</source>
        <translation>Arbeitszeit-Uhr aus: für „%1“ starten</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Stumm aus</translation>
    </message>
    <message>
        <source>Keys sent: %1</source>
        <translation>Gesendete Tasten: %1</translation>
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
        <translation>Ausgehende Anrufe zeigen deine Nummer %1</translation>
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
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Compact window</source>
        <translation>&amp;Kompaktes Fenster</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
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
        <translation>Du musst dich danach neu anmelden.</translation>
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
    <name>MediaPlayerKeys</name>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
</context>
<context>
    <name>MonitoringNotice</name>
    <message>
        <source>Monitoring of calls</source>
        <translation>Kontrolle der Anrufe</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Verstanden</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>my-vpa is unreachable: working with the data saved at %1.</source>
        <translation>my-vpa ist nicht erreichbar: Es wird mit den um %1 gespeicherten Daten gearbeitet.</translation>
    </message>
    <message>
        <source>my-vpa is unreachable: records waiting to be uploaded: %1.</source>
        <translation>my-vpa ist nicht erreichbar: Einträge, die auf das Hochladen warten: %1.</translation>
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
    <message>
        <source>The phone could not do this: %1</source>
        <translation>Das Telefon konnte das nicht ausführen: %1</translation>
    </message>
    <message>
        <source>Transfer completed: the caller is connected.</source>
        <translation>Übergabe abgeschlossen: Der Anrufer ist verbunden.</translation>
    </message>
    <message>
        <source>The transfer did not report back: the caller is still on hold with you.</source>
        <translation>Die Übergabe hat sich nicht zurückgemeldet: Der Anrufer wird weiter bei dir gehalten.</translation>
    </message>
    <message>
        <source>The transfer failed (SIP %1): the caller is still on hold with you.</source>
        <translation>Die Übergabe ist fehlgeschlagen (SIP %1): Der Anrufer wird weiter bei dir gehalten.</translation>
    </message>
    <message>
        <source>my-vpa is unreachable right now.</source>
        <translation>my-vpa ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>my-vpa did not answer in time.</source>
        <translation>my-vpa hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection to my-vpa was refused: %1 Please tell IT.</source>
        <translation>Die Verbindung zu my-vpa wurde abgelehnt: %1 Bitte gib der IT Bescheid.</translation>
    </message>
    <message>
        <source>my-vpa sent an answer the softphone cannot use.</source>
        <translation>my-vpa hat eine Antwort geschickt, mit der das Softphone nichts anfangen kann.</translation>
    </message>
    <message>
        <source>Your my-vpa session has ended: please sign in again.</source>
        <translation>Deine my-vpa-Sitzung ist beendet: Bitte melde dich neu an.</translation>
    </message>
    <message>
        <source>Records waiting to be uploaded: %1.</source>
        <translation>Einträge, die auf das Hochladen warten: %1.</translation>
    </message>
    <message>
        <source>my-vpa did not accept records: %1. They stay on this computer and are offered again at your next sign-in.</source>
        <translation>my-vpa hat Einträge nicht angenommen: %1. Die Einträge bleiben auf diesem Computer und werden bei deiner nächsten Anmeldung erneut angeboten.</translation>
    </message>
    <message>
        <source>Call records could not be saved: %1 The call goes on; the records are kept and saved as soon as possible (waiting: %2).</source>
        <translation>Anrufeinträge konnten nicht gespeichert werden: %1 Der Anruf läuft weiter; die Einträge werden aufbewahrt und gespeichert, sobald es geht (wartend: %2).</translation>
    </message>
    <message>
        <source>The waiting call records are saved now: %1.</source>
        <translation>Die wartenden Anrufeinträge sind jetzt gespeichert: %1.</translation>
    </message>
    <message>
        <source>The softphone could not save data: %1</source>
        <translation>Das Softphone konnte Daten nicht speichern: %1</translation>
    </message>
    <message>
        <source>Signed out. Records my-vpa has not confirmed stay on this computer until your next sign-in: %1.</source>
        <translation>Abgemeldet. Einträge, die my-vpa noch nicht bestätigt hat, bleiben bis zu deiner nächsten Anmeldung auf diesem Computer: %1.</translation>
    </message>
    <message>
        <source>The phone is not ready: sign in first.</source>
        <translation>Das Telefon ist nicht bereit: Bitte zuerst anmelden.</translation>
    </message>
    <message>
        <source>Hang up the current call first.</source>
        <translation>Bitte zuerst das laufende Gespräch beenden.</translation>
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
        <translation>Meintest du %1?</translation>
    </message>
    <message>
        <source>Landline numbers here keep their leading 0 after the country code (Rome: 06 …, +39 06 …). Type it.</source>
        <translation>Festnetznummern behalten hier die führende 0 nach der Ländervorwahl (Rom: 06 …, +39 06 …). Bitte mit eingeben.</translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
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
        <source>This task is over the included %1.</source>
        <translation>Diese Aufgabe liegt über den enthaltenen %1.</translation>
    </message>
    <message numerus="yes">
        <source>At this pace this task passes %1 in %n min.</source>
        <translation>
            <numerusform>In diesem Tempo überschreitet diese Aufgabe %1 in %n Min.</numerusform>
            <numerusform>In diesem Tempo überschreitet diese Aufgabe %1 in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>(keine Aufgabe)</translation>
    </message>
    <message>
        <source>%1 asks you to call %2.</source>
        <translation>%1 bittet dich, %2 anzurufen.</translation>
    </message>
    <message>
        <source>Connecting them…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>ProcessingBox</name>
    <message>
        <source>Voice processing</source>
        <translation>Sprachverarbeitung</translation>
    </message>
    <message>
        <source>Echo cancellation (not needed with a headset)</source>
        <translation>Echounterdrückung (mit Headset nicht nötig)</translation>
    </message>
    <message>
        <source>Noise suppression</source>
        <translation>Rauschunterdrückung</translation>
    </message>
    <message>
        <source>Low-frequency filter (rumble, hum)</source>
        <translation>Tiefenfilter (Rumpeln, Brummen)</translation>
    </message>
    <message>
        <source>Automatic level</source>
        <translation>Automatische Lautstärke</translation>
    </message>
    <message>
        <source>Echo cancellation by the system</source>
        <translation>Echounterdrückung durch das System</translation>
    </message>
    <message>
        <source>PulseAudio&apos;s echo cancellation</source>
        <translation>die Echounterdrückung von PulseAudio</translation>
    </message>
    <message>
        <source>PipeWire&apos;s echo cancellation</source>
        <translation>die Echounterdrückung von PipeWire</translation>
    </message>
    <message>
        <source>the device itself</source>
        <translation>das Gerät selbst</translation>
    </message>
    <message>
        <source>This microphone is echo-cancelled already (by %1): the app does not cancel echo a second time.</source>
        <translation>Bei diesem Mikrofon wird das Echo bereits unterdrückt (durch %1): Die App unterdrückt es nicht ein zweites Mal.</translation>
    </message>
</context>
<context>
    <name>QuoteRequestDialog</name>
    <message>
        <source>Ask for an individual quote</source>
        <translation>Individuelles Angebot anfragen</translation>
    </message>
    <message>
        <source>Expected phone time in minutes</source>
        <translation>Erwartete Telefonzeit in Minuten</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Expected phone time:</source>
        <translation>Erwartete Telefonzeit:</translation>
    </message>
</context>
<context>
    <name>RecordStatus</name>
    <message>
        <source>the task is not active on my-vpa</source>
        <translation>die Aufgabe ist in my-vpa nicht aktiv</translation>
    </message>
    <message>
        <source>my-vpa found the record invalid</source>
        <translation>my-vpa hält den Eintrag für ungültig</translation>
    </message>
    <message>
        <source>my-vpa&apos;s reason: %1</source>
        <translation>Grund von my-vpa: %1</translation>
    </message>
    <message>
        <source>Records not yet with my-vpa</source>
        <translation>Einträge, die my-vpa noch nicht hat</translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) not saved yet</source>
        <translation>
            <numerusform>%n Anrufeintrag noch nicht gespeichert</numerusform>
            <numerusform>%n Anrufeinträge noch nicht gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) not accepted by my-vpa</source>
        <translation>
            <numerusform>%n Eintrag von my-vpa nicht angenommen</numerusform>
            <numerusform>%n Einträge von my-vpa nicht angenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting for upload</source>
        <translation>
            <numerusform>%n Eintrag wartet auf das Hochladen</numerusform>
            <numerusform>%n Einträge warten auf das Hochladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedialPrompt</name>
    <message>
        <source>Which task this call is for</source>
        <translation>Für welche Aufgabe dieser Anruf ist</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>This number was called for “%1”, not for the active task.</source>
        <translation>Diese Nummer wurde für „%1“ angerufen, nicht für die aktive Aufgabe.</translation>
    </message>
    <message>
        <source>This number was called for “%1”, which is closed.</source>
        <translation>Diese Nummer wurde für „%1“ angerufen; die Aufgabe ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Call for “%1”</source>
        <translation>Für „%1“ anrufen</translation>
    </message>
</context>
<context>
    <name>RulesText</name>
    <message>
        <source>The softphone is for customer tasks only: every call costs money. Calls are monitored — each is recorded with its task, number, time and duration, uploaded to my-vpa and checked. Private calls are not allowed.</source>
        <translation>Das Softphone ist nur für Kundenaufgaben da: Jede Verbindung kostet Geld. Die Nutzung wird kontrolliert – jeder Anruf wird mit Aufgabe, Nummer, Zeit und Dauer erfasst, an my-vpa übertragen und geprüft. Private Anrufe sind nicht erlaubt.</translation>
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
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
</context>
<context>
    <name>ShareGauge</name>
    <message>
        <source>Phone share of the working time</source>
        <translation>Telefonanteil an der Arbeitszeit</translation>
    </message>
    <message>
        <source>%1 on the phone; the customer pays phone time</source>
        <translation>%1 telefoniert; der Kunde zahlt die Telefonzeit</translation>
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
        <translation>Nutze deinen gewohnten my-vpa-Benutzernamen und dein Passwort.</translation>
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
        <translation>Speichert deine Anmeldung im Schlüsselbund des Systems, damit du beim Start nicht gefragt wirst.</translation>
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
        <translation>Demo-Modus: Dies ist ein Demo-my-vpa auf deinem Computer. Melde dich mit Benutzername %1 und Passwort %2 an.</translation>
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
        <translation>Kein Schlüsselbund des Systems verfügbar, daher kann nichts gespeichert werden: Du wirst bei jedem Start nach deinem my-vpa-Passwort gefragt.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so nothing can be remembered: you will be asked for your my-vpa password at every start.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt, daher kann nichts gespeichert werden: Du wirst bei jedem Start nach deinem my-vpa-Passwort gefragt.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Wrong user name or password. Use the same password as in the my-vpa app.</source>
        <translation>Benutzername oder Passwort falsch. Nutze dasselbe Passwort wie in der my-vpa-App.</translation>
    </message>
    <message>
        <source>Your my-vpa account is locked. Please contact the admin team.</source>
        <translation>Dein my-vpa-Konto ist gesperrt. Bitte wende dich an das Admin-Team.</translation>
    </message>
    <message>
        <source>my-vpa (%1) refused a secure connection: %2 This is not a problem of your internet connection; please tell IT.</source>
        <translation>my-vpa (%1) hat eine sichere Verbindung abgelehnt: %2 Das liegt nicht an deiner Internetverbindung; bitte gib der IT Bescheid.</translation>
    </message>
    <message>
        <source>my-vpa (%1) did not answer in time. Please try again later.</source>
        <translation>my-vpa (%1) hat nicht rechtzeitig geantwortet. Bitte versuche es später noch einmal.</translation>
    </message>
    <message>
        <source>my-vpa cannot be reached and no recent data is stored on this computer. Check your internet connection and try again.</source>
        <translation>my-vpa ist nicht erreichbar und auf diesem Computer sind keine aktuellen Daten gespeichert. Prüf deine Internetverbindung und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>my-vpa cannot be reached (%1). Check your internet connection and try again.</source>
        <translation>my-vpa ist nicht erreichbar (%1). Prüf deine Internetverbindung und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Your my-vpa session has ended. Please sign in again.</source>
        <translation>Deine my-vpa-Sitzung ist abgelaufen. Bitte melde dich neu an.</translation>
    </message>
    <message>
        <source>my-vpa sent an answer the softphone cannot use. Please try again later; if it persists, send the output of “vpaphone diagnose” to IT.</source>
        <translation>my-vpa hat eine Antwort gesendet, die das Softphone nicht verwenden kann. Bitte später erneut versuchen; wenn es bleibt, schick die Ausgabe von „vpaphone diagnose“ an die IT.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The system keychain cannot be used, so nothing can be remembered: you will be asked for your my-vpa password at every start.</source>
        <translation>Der Schlüsselbund des Systems kann nicht verwendet werden, daher kann nichts gespeichert werden: Du wirst bei jedem Start nach deinem my-vpa-Passwort gefragt.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted on this computer.</source>
        <translation>diesem Computer ist das Zertifikat des Servers nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is for another server name.</source>
        <translation>das Zertifikat des Servers gilt für einen anderen Servernamen.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired.</source>
        <translation>das Zertifikat des Servers ist abgelaufen.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid yet (check this computer&apos;s date and time).</source>
        <translation>das Zertifikat des Servers ist noch nicht gültig (prüfe Datum und Uhrzeit dieses Computers).</translation>
    </message>
    <message>
        <source>no secure connection could be agreed with the server.</source>
        <translation>mit dem Server ließ sich keine sichere Verbindung aushandeln.</translation>
    </message>
    <message>
        <source>Enter your my-vpa user name.</source>
        <translation>Gib deinen my-vpa-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your my-vpa password.</source>
        <translation>Gib dein my-vpa-Passwort ein.</translation>
    </message>
</context>
<context>
    <name>SignOutFlow</name>
    <message>
        <source>Hang up before signing out.</source>
        <translation>Bitte vor dem Abmelden auflegen.</translation>
    </message>
    <message>
        <source>Sign out? Your tasks and call history are removed from this computer.</source>
        <translation>Abmelden? Deine Aufgaben und die Anrufliste werden von diesem Computer entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) my-vpa has not confirmed yet are uploaded first; none is deleted.</source>
        <translation>
            <numerusform>%n Eintrag, den my-vpa noch nicht bestätigt hat, wird zuerst hochgeladen; nichts wird gelöscht.</numerusform>
            <numerusform>%n Einträge, die my-vpa noch nicht bestätigt hat, werden zuerst hochgeladen; nichts wird gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) are not confirmed by my-vpa yet.</source>
        <translation>
            <numerusform>%n Eintrag ist von my-vpa noch nicht bestätigt.</numerusform>
            <numerusform>%n Einträge sind von my-vpa noch nicht bestätigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is not known whether my-vpa has all your records.</source>
        <translation>Es ist nicht bekannt, ob my-vpa alle deine Einträge hat.</translation>
    </message>
    <message numerus="yes">
        <source>my-vpa did not accept %n of them.</source>
        <translation>
            <numerusform>my-vpa hat %n davon nicht angenommen.</numerusform>
            <numerusform>my-vpa hat %n davon nicht angenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out anyway: they stay on this computer (nothing else of yours) and are uploaded when you sign in again as %1. Stay signed in: the softphone keeps trying.</source>
        <translation>Trotzdem abmelden: Die Einträge bleiben auf diesem Computer (sonst nichts von dir) und werden hochgeladen, wenn du dich wieder als %1 anmeldest. Angemeldet bleiben: Das Softphone versucht es weiter.</translation>
    </message>
    <message>
        <source>Records not uploaded</source>
        <translation>Einträge nicht hochgeladen</translation>
    </message>
    <message>
        <source>Keep them and sign out</source>
        <translation>Behalten und abmelden</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
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
        <source>The phone server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Telefonservers wird nicht vertraut</translation>
    </message>
    <message>
        <source>The phone server&apos;s certificate is for another server name</source>
        <translation>Das Zertifikat des Telefonservers gilt für einen anderen Servernamen</translation>
    </message>
    <message>
        <source>The phone server&apos;s certificate has expired or is not yet valid</source>
        <translation>Das Zertifikat des Telefonservers ist abgelaufen oder noch nicht gültig</translation>
    </message>
    <message>
        <source>The phone server&apos;s certificate is invalid</source>
        <translation>Das Zertifikat des Telefonservers ist ungültig</translation>
    </message>
    <message>
        <source>The other side did not accept encrypted audio (SRTP), which your phone requires</source>
        <translation>Die Gegenseite hat verschlüsseltes Audio (SRTP) nicht angenommen, das dein Telefon verlangt</translation>
    </message>
    <message>
        <source>The other side offered no audio format this phone supports</source>
        <translation>Die Gegenseite bietet kein Audioformat an, das dieses Telefon unterstützt</translation>
    </message>
    <message>
        <source>The other side forwards this call elsewhere: dial the new number yourself</source>
        <translation>Die Gegenseite leitet den Anruf woandershin um: Wähle die neue Nummer bitte selbst</translation>
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
        <translation>Kein Mikrofon gefunden: Dein Gegenüber wird dich nicht hören.</translation>
    </message>
    <message>
        <source>No speaker or headset found: you will not hear the other party.</source>
        <translation>Kein Lautsprecher oder Headset gefunden: Du wirst dein Gegenüber nicht hören.</translation>
    </message>
    <message>
        <source>No speaker or headset left: you will not hear the other party.</source>
        <translation>Kein Lautsprecher und kein Headset mehr da: Du hörst die andere Seite nicht.</translation>
    </message>
    <message>
        <source>Audio moved to %1.</source>
        <translation>Der Ton läuft jetzt über %1.</translation>
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
        <translation>Gib eine Telefonnummer ein.</translation>
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
        <translation>Gib nach dem + die Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Type the rest of the number after the country code.</source>
        <translation>Gib nach der Ländervorwahl den Rest der Nummer ein.</translation>
    </message>
    <message>
        <source>There is no country with this code: check the digits after the +.</source>
        <translation>Es gibt kein Land mit dieser Vorwahl: Prüf die Ziffern nach dem +.</translation>
    </message>
    <message>
        <source>Pick the destination country, or type the number with + and its country code.</source>
        <translation>Wähle das Zielland aus oder gib die Nummer mit + und Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Not a number in %1, but one in %2: pick that country or dial with its country code.</source>
        <translation>Keine Nummer aus dem gewählten Land (%1), aber eine gültige aus einem anderen (%2): Wähle dieses Land aus oder gib die Nummer mit Ländervorwahl ein.</translation>
    </message>
    <message>
        <source>Not a number in %1. It would be one in %2: pick the right country or dial with its country code.</source>
        <translation>Keine Nummer aus dem gewählten Land (%1). Gültig wäre sie in anderen Ländern (%2): Wähle das richtige Land aus oder gib die Nummer mit Ländervorwahl ein.</translation>
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
        <translation>Füge nur eine Nummer auf einmal ein.</translation>
    </message>
    <message>
        <source>%1 landline numbers keep their leading 0.</source>
        <translation>Festnetznummern behalten hier ihre führende 0 (%1).</translation>
    </message>
    <message>
        <source>Extensions can&apos;t be dialled with the number: call the main number and key in the extension once the call is answered.</source>
        <translation>Eine Durchwahl lässt sich nicht mitwählen: Ruf die Hauptnummer an und tipp die Durchwahl ein, sobald abgenommen wurde.</translation>
    </message>
    <message>
        <source>There is no such number in %1: check the digits.</source>
        <translation>Diese Nummer gibt es nicht (%1): Prüf die Ziffern.</translation>
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
        <translation>Diese Nummer gibt es nicht: Prüf die Ziffern.</translation>
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
        <source>Customer &amp;message…</source>
        <translation>&amp;Nachricht an den Kunden …</translation>
    </message>
    <message>
        <source>The “Telefonfaktor” message for the task chat</source>
        <translation>Die Vorlage „Telefonfaktor“ für den Aufgaben-Chat</translation>
    </message>
    <message>
        <source>Phone &amp;project…</source>
        <translation>Telefonie&amp;projekt …</translation>
    </message>
    <message>
        <source>Tell the admin team about a bigger phone project (answering machine, …)</source>
        <translation>Dem Admin-Team ein größeres Telefonieprojekt melden (Anrufbeantworter, …)</translation>
    </message>
    <message>
        <source>Work timer</source>
        <translation>Arbeitszeit-Uhr</translation>
    </message>
    <message>
        <source>Work timer note</source>
        <translation>Hinweis zur Arbeitszeit-Uhr</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
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
        <translation>— Aufgabe wählen, an der du arbeitest —</translation>
    </message>
    <message>
        <source>A bigger phone project</source>
        <translation>Ein größeres Telefonieprojekt</translation>
    </message>
    <message>
        <source>The work timer of “%1” was stopped: you switched tasks.</source>
        <translation>Die Arbeitszeit-Uhr von „%1“ wurde angehalten: Du hast die Aufgabe gewechselt.</translation>
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
        <source>%1 of the working time on the phone; the customer pays phone time.</source>
        <translation>%1 der Arbeitszeit telefoniert; der Kunde zahlt die Telefonzeit.</translation>
    </message>
    <message>
        <source>%1 of the working time on the phone; %2 left within the included %3.</source>
        <translation>%1 der Arbeitszeit telefoniert; noch %2 innerhalb der enthaltenen %3.</translation>
    </message>
    <message>
        <source>No working time recorded yet.</source>
        <translation>Noch keine Arbeitszeit erfasst.</translation>
    </message>
</context>
<context>
    <name>TaskText</name>
    <message>
        <source>Calls outside the EU need an individual quote from the admin team.</source>
        <translation>Anrufe außerhalb der EU brauchen ein individuelles Angebot vom Admin-Team.</translation>
    </message>
    <message>
        <source>Germany and other EU countries</source>
        <translation>Deutschland und andere EU-Länder</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Recommended: %1 — for sales calls to %2.</source>
        <translation>Empfohlen: %1 – für Vertriebsanrufe nach %2.</translation>
    </message>
    <message>
        <source>Recommended: %1 — for back-office calls to %2.</source>
        <translation>Empfohlen: %1 – für Backoffice-Anrufe nach %2.</translation>
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
        <source>Raise the task&apos;s budget on my-vpa to %1</source>
        <translation>Budget der Aufgabe in my-vpa auf %1 erhöhen</translation>
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
        <source>The text is sent as you see it; you can edit it first.</source>
        <translation>Der Text wird so gesendet, wie du ihn siehst; du kannst ihn vorher ändern.</translation>
    </message>
    <message>
        <source>Raise the task&apos;s budget in my-vpa as the message says. The text is sent as you see it; you can edit it first.</source>
        <translation>Erhöhe das Budget der Aufgabe in my-vpa so, wie es in der Nachricht steht. Der Text wird so gesendet, wie du ihn siehst; du kannst ihn vorher ändern.</translation>
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
        <translation>Tipp: Ein Videoanruf (Aufgaben-Chat, Teams, Zoom, Meet) ist für den Kunden günstiger und stärkt die Kundenbindung.</translation>
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
        <source>“%1” is over the included phone share: %2 of the working time on the phone, %3 are included. The customer now pays phone costs: pick a telephony area, tell the customer and the admin team.</source>
        <translation>„%1“ liegt über dem enthaltenen Telefonanteil: %2 der Arbeitszeit telefoniert, %3 sind enthalten. Der Kunde zahlt jetzt Telefonkosten: Wähle einen Telefonie-Bereich und informiere den Kunden und das Admin-Team.</translation>
    </message>
    <message>
        <source>“%1” is nearing the included phone share: %2 of the working time on the phone, %3 are included. Phoning more than planned? Pick a telephony area now.</source>
        <translation>„%1“ nähert sich dem enthaltenen Telefonanteil: %2 der Arbeitszeit telefoniert, %3 sind enthalten. Mehr telefoniert als geplant? Wähle jetzt einen Telefonie-Bereich.</translation>
    </message>
    <message>
        <source>Over %1: pick a telephony area and tell the customer.</source>
        <translation>Über %1: Wähle einen Telefonie-Bereich und informiere den Kunden.</translation>
    </message>
    <message>
        <source>Nearing %1 of the working time on the phone.</source>
        <translation>Bald %1 der Arbeitszeit telefoniert.</translation>
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
        <source>Ask for an individual quote</source>
        <translation>Individuelles Angebot anfragen</translation>
    </message>
    <message>
        <source>Phoning more than planned</source>
        <translation>Mehr telefoniert als geplant</translation>
    </message>
    <message>
        <source>Tell the admin team you phone over our system</source>
        <translation>Admin-Team informieren, dass du über unsere Anlage telefonierst</translation>
    </message>
</context>
<context>
    <name>TransferOfferPanel</name>
    <message>
        <source>Who asks for the transfer</source>
        <translation>Wer um die Weiterleitung bittet</translation>
    </message>
    <message>
        <source>That call has ended; you can still call the number.</source>
        <translation>Dieses Gespräch ist beendet; du kannst die Nummer trotzdem anrufen.</translation>
    </message>
    <message>
        <source>Requested target</source>
        <translation>Gewünschtes Ziel</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Decline the transfer</source>
        <translation>Weiterleitung ablehnen</translation>
    </message>
    <message>
        <source>%1 asks you to call:</source>
        <translation>%1 bittet dich anzurufen:</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
    <message>
        <source>This is no phone number: the app calls phone numbers only, each through the call gate. Decline, or ask for a phone number.</source>
        <translation>Das ist keine Telefonnummer: Die App ruft nur Telefonnummern an, jede nach Prüfung der Anrufregeln. Lehne ab oder bitte um eine Telefonnummer.</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Transfer the call to:</source>
        <translation>Das Gespräch übergeben an:</translation>
    </message>
    <message>
        <source>Transfer now</source>
        <translation>Jetzt übergeben</translation>
    </message>
    <message>
        <source>Talk to them first</source>
        <translation>Erst selbst sprechen</translation>
    </message>
    <message>
        <source>Call them while the caller waits on hold; then hand the call over</source>
        <translation>Zuerst anrufen, während der Anrufer in der Warteschleife wartet; dann übergeben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
<context>
    <name>WaitingCallPanel</name>
    <message>
        <source>Another call is waiting</source>
        <translation>Ein weiterer Anruf wartet</translation>
    </message>
    <message>
        <source>Waiting caller</source>
        <translation>Wartender Anruf</translation>
    </message>
    <message>
        <source>Waiting caller&apos;s name</source>
        <translation>Name des wartenden Anrufs</translation>
    </message>
    <message>
        <source>Task the waiting call belongs to</source>
        <translation>Aufgabe, zu der der wartende Anruf gehört</translation>
    </message>
    <message>
        <source>Hold and answer</source>
        <translation>Halten und annehmen</translation>
    </message>
    <message>
        <source>Hold the call and answer the waiting one</source>
        <translation>Gespräch halten und den wartenden Anruf annehmen</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>Unbekannte Nummer</translation>
    </message>
    <message>
        <source>To voicemail</source>
        <translation>Zum Anrufbeantworter</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Send the waiting call to the answering machine</source>
        <translation>Den wartenden Anruf zum Anrufbeantworter schicken</translation>
    </message>
    <message>
        <source>Tell the waiting caller you are busy</source>
        <translation>Dem wartenden Anruf „besetzt“ antworten</translation>
    </message>
</context>
</TS>
