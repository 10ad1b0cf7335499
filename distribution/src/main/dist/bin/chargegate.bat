@echo off
rem
rem ChargeGate launcher for Windows: starts the OCPP 1.6-J gateway (Apache Felix) of this distribution.
rem Same options as bin/chargegate (run with --help). Environment: JAVA_HOME (else java from PATH; Java 17 or
rem later), JAVA_OPTS (JVM options), CHARGEGATE_OPTS (more JVM options / -D system properties).
rem Windows cannot tell a console from a pipe here: the shell is interactive unless --headless is given.
rem
setlocal EnableExtensions EnableDelayedExpansion

set "CHARGEGATE_HOME=%~dp0.."
for %%i in ("%CHARGEGATE_HOME%") do set "CHARGEGATE_HOME=%%~fi"

set DEMO=false
set HEADLESS=false
set "CSMS_URL="
set "STATION_ID="
set "DATA_DIR="

:options
if "%~1"=="" goto options_done
if "%~1"=="--demo" (set DEMO=true& shift & goto options)
if "%~1"=="--headless" (set HEADLESS=true& shift & goto options)
if "%~1"=="--help" goto usage
if "%~1"=="-h" goto usage
if "%~1"=="--csms" (
    if "%~2"=="" (echo chargegate: --csms needs a URL 1>&2& exit /b 2)
    set "CSMS_URL=%~2"& shift & shift & goto options
)
if "%~1"=="--id" (
    if "%~2"=="" (echo chargegate: --id needs a charge point id 1>&2& exit /b 2)
    set "STATION_ID=%~2"& shift & shift & goto options
)
if "%~1"=="--data" (
    if "%~2"=="" (echo chargegate: --data needs a directory 1>&2& exit /b 2)
    set "DATA_DIR=%~2"& shift & shift & goto options
)
echo chargegate: unknown option: %~1 1>&2
call :print_usage 1>&2
exit /b 2

:usage
call :print_usage
exit /b 0

:options_done
if defined CSMS_URL (
    set "SCHEME=!CSMS_URL:~0,5!"
    if /i not "!SCHEME!"=="ws://" if /i not "!CSMS_URL:~0,6!"=="wss://" (
        echo chargegate: --csms must be a ws:// or wss:// URL: !CSMS_URL! 1>&2
        exit /b 2
    )
)

rem --- java 17+ ---
if defined JAVA_HOME (
    set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "JAVA=java.exe"
)
set "JAVA_VERSION="
rem the first line of "java -version": openjdk version "17.0.15" 2025-04-15
for /f "tokens=3" %%v in ('"!JAVA!" -version 2^>^&1') do (
    if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
)
if not defined JAVA_VERSION (
    echo chargegate: no java found: install Java 17 or later, or set JAVA_HOME 1>&2
    exit /b 2
)
for /f "tokens=1,2 delims=.-_+" %%a in ("!JAVA_VERSION!") do (
    set "JAVA_MAJOR=%%a"
    if "%%a"=="1" set "JAVA_MAJOR=%%b"
)
if !JAVA_MAJOR! LSS 17 (
    echo chargegate: Java 17 or later is needed; !JAVA! is !JAVA_VERSION! 1>&2
    exit /b 2
)

rem --- data directory (absolute) ---
if not defined DATA_DIR set "DATA_DIR=%CHARGEGATE_HOME%\data"
if not exist "%DATA_DIR%" mkdir "%DATA_DIR%"
for %%i in ("%DATA_DIR%") do set "DATA_DIR=%%~fi"

rem Felix reads file: URLs and ${...} paths: use forward slashes
set "HOME_FWD=%CHARGEGATE_HOME:\=/%"
set "DATA_FWD=%DATA_DIR:\=/%"

set "GOSH_ARGS="
if "%HEADLESS%"=="true" set "GOSH_ARGS=--nointeractive"
if "%HEADLESS%%DEMO%"=="truetrue" set "GOSH_ARGS=--nointeractive etc/demo/session.gosh"

set "PROPS=-Dchargegate.home="%HOME_FWD%" -Dchargegate.data="%DATA_FWD%""
set "PROPS=%PROPS% -Dfelix.config.properties="file:/%HOME_FWD%/etc/config.properties""
set "PROPS=%PROPS% -Dlogback.configurationFile="%CHARGEGATE_HOME%\etc\logback.xml""
set "PROPS=%PROPS% -Djava.util.logging.config.file="%CHARGEGATE_HOME%\etc\java-logging.properties""
set "PROPS=%PROPS% -Dgosh.home="%CHARGEGATE_HOME%" "-Dgosh.args=%GOSH_ARGS%""
if defined CSMS_URL set "PROPS=%PROPS% "-Dchargegate.csms.url=%CSMS_URL%""
if defined STATION_ID set "PROPS=%PROPS% "-Dchargegate.station.id=%STATION_ID%""
if "%DEMO%"=="true" set "PROPS=%PROPS% -Dchargegate.demo=true "-Dfelix.fileinstall.dir=%HOME_FWD%/etc/demo,%HOME_FWD%/etc,%HOME_FWD%/deploy""

if not defined JAVA_OPTS set "JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"

cd /d "%CHARGEGATE_HOME%"
"%JAVA%" %JAVA_OPTS% %CHARGEGATE_OPTS% %PROPS% -jar "%CHARGEGATE_HOME%\bin\felix.jar"
exit /b %ERRORLEVEL%

:print_usage
echo Usage: chargegate [options]
echo.
echo Starts the ChargeGate OCPP 1.6-J gateway with the Gogo shell (type help; Ctrl-D stops the gateway).
echo Ctrl-C stops it cleanly.
echo.
echo Options:
echo   --demo          also start the demo central system on ws://127.0.0.1:8887/ocpp and play one charging
echo                   session on connector 1 of station CP-1 (simulator): plug in, tag, charge, stop, unplug
echo   --csms URL      CSMS base URL of the default station (etc\io.chargegate.station-default.cfg)
echo   --id ID         charge point id of the default station (and of its simulator), default CP-1
echo   --data DIR      where the state lives (stores, Felix cache, log\chargegate.log), default ^<home^>\data
echo   --headless      no shell (for service managers); logs on standard output and in ^<data^>\log\chargegate.log
echo   --help          this text
exit /b 0
