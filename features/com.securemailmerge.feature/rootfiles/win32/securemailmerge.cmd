@echo off
rem SecureMailMerge Workbench launcher for Windows. Finds a Java 21+ runtime, then starts the
rem workbench through the Equinox launcher jar with memory and locale options.
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
set "JAVA="
for %%J in ("%SMM_JAVA_HOME%" "%JAVA_HOME%" "%HERE%jre") do (
  if not defined JAVA if not "%%~J"=="" if exist "%%~J\bin\javaw.exe" call :check "%%~J\bin\javaw.exe"
)
if not defined JAVA for /f "delims=" %%J in ('where javaw.exe 2^>nul') do if not defined JAVA call :check "%%J"
if not defined JAVA for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\*" "%ProgramFiles%\Java\*" "%ProgramFiles%\Microsoft\*") do if not defined JAVA if exist "%%D\bin\javaw.exe" call :check "%%D\bin\javaw.exe"
if not defined JAVA (
  echo SecureMailMerge Workbench needs a Java runtime 21 or newer ^(for example Eclipse Temurin 25^). Install one or set SMM_JAVA_HOME to it.
  pause
  exit /b 1
)
set "LAUNCHER="
for %%L in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo SecureMailMerge Workbench is incomplete: plugins\org.eclipse.equinox.launcher_*.jar is missing.
  pause
  exit /b 1
)
rem The JVM options and the default heap, from jvm.properties next to this script (their one place).
set "OPTIONS="
set "HEAP=1g"
if exist "%HERE%jvm.properties" for /f "usebackq eol=# tokens=1,* delims==" %%A in ("%HERE%jvm.properties") do (
  if "%%A"=="options" set "OPTIONS=%%B"
  if "%%A"=="heap" set "HEAP=%%B"
)
if not defined SMM_XMX set "SMM_XMX=%HEAP%"
set "NL="
if defined SMM_LOCALE set "NL=-nl %SMM_LOCALE%"
rem --headless first: the command line (validate, send, report a saved campaign) instead of the
rem window, with java.exe so that its output reaches the console. See "securemailmerge.cmd --headless --help".
if "%~1"=="--headless" goto headless
rem Exit code 23: the workbench asked to be started again (after installing new software).
:run
"%JAVA%" %OPTIONS% -Xmx%SMM_XMX% -Dosgi.requiredJavaVersion=21 -jar "%LAUNCHER%" %NL% %*
if "%ERRORLEVEL%"=="23" goto run
exit /b %ERRORLEVEL%

:headless
rem the arguments as given after --headless (no delayed expansion: a "!" in a path stays one)
setlocal DisableDelayedExpansion
set "ARGS=%*"
call set "ARGS=%%ARGS:*--headless=%%"
"%JAVA:javaw.exe=java.exe%" %OPTIONS% -Xmx%SMM_XMX% -Djava.awt.headless=true -Dosgi.requiredJavaVersion=21 -jar "%LAUNCHER%" %NL% -application com.securemailmerge.cli.headless -nosplash%ARGS%
exit /b %ERRORLEVEL%

:check
rem Accepts %1 when its java.specification.version is 21 or newer.
set "CANDIDATE=%~1"
set "JAVACMD=%CANDIDATE:javaw.exe=java.exe%"
for /f "tokens=2 delims==" %%V in ('"%JAVACMD%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set /a "MAJOR=%%V" 2>nul
if defined MAJOR if !MAJOR! GEQ 21 set "JAVA=%CANDIDATE%"
set "MAJOR="
exit /b 0
