# exchange_lib.sh — shared by the exchange tests (sourced after lib.sh).

# make_hostile_bundle DIR — a hand-written English bundle with everything a
# spreadsheet or a careless writer trips over: quotes, line breaks, ; and ,
# in cells, formulas (=HYPERLINK("x"), +, -, @), a tab, umlauts and ß, and a
# cell of 32,767 characters.
make_hostile_bundle() {
    d=$1
    mkdir -p "$d"
    long=$(awk 'BEGIN { s = "ä"; for (i = 1; i < 32767; i++) s = s "ß"; printf "%s", s }')
    printf '%s\n' \
        'title,municipality,field,funding_end,phase,facilitator,participants,language' \
        '"Umweltsensorik: ""Starkregen""; Süd & Nord",Musterstadt & Umland,"Umwelt, Klima",2027-06-30,transition,Jörg Müller,"Umweltamt' \
        'Stadtwerke; Kämmerei",en' > "$d/workshop.csv"
    printf '%s\n' 'id,title' \
        '1,"=HYPERLINK(""x"")"' \
        '2,Gewässer schützen' > "$d/strategy_goals.csv"
    printf '%s\n' \
        'id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,status' \
        '1,@Ziel; mit Semikolon,"Zeile 1' \
        'Zeile 2 mit ""Zitat""",-8 Quartiere,+ Sensoren,=1+1,2027-09-30,1,agreed' \
        '2,Bis Ende 2028,,,,,Ende 2028,,draft' > "$d/goals.csv"
    printf '%s\n' \
        'id,goal,name,unit,direction,baseline,baseline_date,target,target_date,latest,latest_date,source,method,frequency,owner' \
        '1,1,Wassertemperatur,°C,lower,-20,2024-03-31,12.5,2027-09-30,0.1,2026-09-30,Sonde,count,monthly,2' \
        '2,1,Abonnements,Personen,higher,,,15000,2028-06-30,,,"App; Push",survey,yearly,' > "$d/indicators.csv"
    printf '%s\n' \
        'id,name,organisation,group,influence,interest,attitude,key_person,temporary,message,channel,cadence' \
        "1,Kämmerei,Stadt,administration,5,4,critical,yes,no,\"$long\",Jour fixe,monthly" \
        '2,"=HYPERLINK(""x"")",GmbH,municipal_company,3,5,neutral,no,yes,"	Tab vorn",@kanal,-' \
        '3,-Bürgerschaft,,citizens,1,2,supportive,no,no,,,' \
        '4,+49 Hotline,,external,2,1,neutral,no,no,,,' > "$d/stakeholders.csv"
    printf '%s\n' 'id,name,category,phase' \
        '1,"Betrieb, Wartung",operation,regular' \
        '2,=Pflege,data,pilot' \
        '3,Finanzierung sichern,funding,regular' > "$d/tasks.csv"
    printf '%s\n' 'task,1,2,3,4' '1,A,R,,I' '2,C,A,R,' '3,A,,,' > "$d/raci.csv"
    printf '%s\n' 'id,name,kind,amount,start_year,end_year' \
        '1,"Hosting ""Cloud""",yearly,1234567.89,2026,' \
        '2,-Sensoren,oneoff,0.5,2024,2024' > "$d/costs.csv"
    printf '%s\n' 'cost,stakeholder,percent' '1,1,33.333' '1,2,33.333' '1,4,33.333' > "$d/cost_shares.csv"
    printf '%s\n' 'factor,field,item,status,note' \
        '1,values,1,done,"=1+1; ""ok"""' \
        '6,structures,1,na,' > "$d/check.csv"
    printf '%s\n' 'kind,text,owner,due' \
        'decision,"Beschluss: Übergabe an die Stadtwerke; ab 2027",1,2027-07-01' \
        'action,"-Klären, wer zahlt",2,2028-02-29' \
        'parking,@später,,' > "$d/notes.csv"
}

# same_bundles A B — every file of the bundle is byte-identical
same_bundles() {
    for f in workshop strategy_goals goals indicators stakeholders tasks raci costs \
             cost_shares check notes findings milestones decisions; do
        same_file "$1/$f.csv" "$2/$f.csv"
    done
}
