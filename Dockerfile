# Multi-stage build: SDK to publish, ASP.NET runtime to run, as a non-root user on port 8080.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/TumorBoard.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The audit checkpoint file (Audit:CheckpointFile) lives on a volume the app user may append to.
RUN mkdir -p /var/lib/tumorboard && chown app /var/lib/tumorboard
USER app
ENTRYPOINT ["dotnet", "TumorBoard.Web.dll"]
